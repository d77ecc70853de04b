using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Persistence;
using Support.Plugins.Abstractions;
using Support.Ticketing.Data;

namespace Support.Ticketing.Features.Intake;

/// <summary>
/// The host's door for channel plugins. A singleton, so that a plugin's singleton poller can hold it: each
/// call runs in a scope of its own, as a request would. Validation failures become
/// <see cref="IntakeRefusedException"/>; a receipt another host saved first makes the call a duplicate.
/// </summary>
internal sealed class IntakeService : IIntakeService
{
    private readonly IServiceScopeFactory _scopes;

    public IntakeService(IServiceScopeFactory scopes) => _scopes = scopes;

    public Task<IntakeResult> OpenTicketAsync(IntakeTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return SendAsync(new OpenChannelTicketCommand(ticket), ticket.Channel, ticket.ExternalId, cancellationToken);
    }

    public Task<IntakeResult> AppendMessageAsync(IntakeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(new AppendChannelMessageCommand(message), message.Channel, message.ExternalId, cancellationToken);
    }

    private async Task<IntakeResult> SendAsync(IRequest<IntakeResult> command, string channel, string externalId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
        }
        catch (ValidationException invalid)
        {
            throw new IntakeRefusedException(IntakeRefusal.Invalid, string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage)));
        }
        catch (DbUpdateException exception) when (SqliteErrors.IsUniqueViolation(exception))
        {
            // Another host sharing the database took the same message in first: its receipt says where it went.
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            return await IntakeReceipts.TicketNumberAsync(db, channel, externalId, cancellationToken) is { } number
                ? new IntakeResult(number, WasDuplicate: true)
                : throw new InvalidOperationException("The message could not be saved: " + exception.Message, exception);
        }
    }
}
