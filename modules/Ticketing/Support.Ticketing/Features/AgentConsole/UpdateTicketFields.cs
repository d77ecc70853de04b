using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;
using Support.Ticketing.Data;

namespace Support.Ticketing.Features.AgentConsole;

/// <summary>
/// An agent enters or corrects the values of the plugin fields shown on the staff ticket form (those whose
/// <see cref="TicketField.Forms"/> include <see cref="TicketForm.Staff"/>); an empty box removes the value.
/// </summary>
internal sealed record UpdateTicketFieldsCommand(int Number, Agent Agent, Dictionary<string, string?> Fields) : IRequest<Unit>;

internal sealed class UpdateTicketFieldsValidator : AbstractValidator<UpdateTicketFieldsCommand>
{
    public UpdateTicketFieldsValidator(IStringLocalizer<TicketingResource> t, IEnumerable<ITicketFieldContributor> contributors) =>
        RuleFor(c => c.Fields).ContributedFields(t, contributors, TicketForm.Staff).OverridePropertyName("Fields");
}

internal sealed class UpdateTicketFieldsHandler : IRequestHandler<UpdateTicketFieldsCommand, Unit>
{
    private readonly TicketingDbContext _db;
    private readonly IEnumerable<ITicketFieldContributor> _contributors;
    private readonly TimeProvider _clock;

    public UpdateTicketFieldsHandler(TicketingDbContext db, IEnumerable<ITicketFieldContributor> contributors, TimeProvider clock)
    {
        _db = db;
        _contributors = contributors;
        _clock = clock;
    }

    public async Task<Unit> Handle(UpdateTicketFieldsCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var ticket = await _db.Tickets.Include(t => t.Fields).SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken)
            ?? throw new TicketNotFoundException(request.Number);
        var normalised = ContributedFields.Normalise(_contributors, TicketForm.Staff, request.Fields);
        foreach (var field in _contributors.SelectMany(c => c.Fields).Where(f => f.Forms.HasFlag(TicketForm.Staff)))
        {
            normalised.TryGetValue(field.Key, out var value);
            ticket.ChangeField(field.Key, value, request.Agent.Name, request.Agent.Id, now);
        }

        return Unit.Value;
    }
}
