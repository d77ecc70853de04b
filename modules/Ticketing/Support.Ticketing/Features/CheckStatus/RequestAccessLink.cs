using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Content;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Notifications;

namespace Support.Ticketing.Features.CheckStatus;

/// <summary>
/// "Check ticket status": emails an access link when the email and number match a ticket. The caller
/// learns nothing either way: the page shows the same answer whether or not the pair exists.
/// </summary>
internal sealed record RequestAccessLinkCommand(string? Email, string? Number) : IRequest<Unit>;

internal sealed class RequestAccessLinkValidator : AbstractValidator<RequestAccessLinkCommand>
{
    public RequestAccessLinkValidator(IStringLocalizer<TicketingResource> t)
    {
        RuleFor(c => c.Email).CustomerEmail(t);
        RuleFor(c => c.Number)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(t["The ticket number is required."])
            .Must(n => n is null || TryParseNumber(n, out _)).WithMessage(t["A ticket number has six digits, e.g. 983177."]);
    }

    public static bool TryParseNumber(string text, out int number)
    {
        var trimmed = text.Trim().TrimStart('#');
        number = 0;
        return trimmed.Length is >= 6 and <= 9 && trimmed.All(char.IsAsciiDigit)
            && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}

internal sealed class RequestAccessLinkHandler : IRequestHandler<RequestAccessLinkCommand, Unit>
{
    private readonly TicketingDbContext _db;
    private readonly TicketMail _mail;
    private readonly TimeProvider _clock;

    public RequestAccessLinkHandler(TicketingDbContext db, TicketMail mail, TimeProvider clock)
    {
        _db = db;
        _mail = mail;
        _clock = clock;
    }

    public async Task<Unit> Handle(RequestAccessLinkCommand request, CancellationToken cancellationToken)
    {
        if (!RequestAccessLinkValidator.TryParseNumber(request.Number!, out var number))
        {
            return Unit.Value;
        }

        var email = Contact.Normalize(request.Email!);
        var ticket = await _db.Tickets.SingleOrDefaultAsync(t => t.NormalizedCustomerEmail == email && t.Number == number, cancellationToken);
        if (ticket is null)
        {
            return Unit.Value;
        }

        _mail.AccessLink(ticket, _mail.IssueAccessLink(ticket, _clock.GetUtcNow().UtcDateTime));
        return Unit.Value;
    }
}
