using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Escalation.Data;
using Support.Escalation.Domain;
using Support.Escalation.Features.AgentActions;
using Support.Kernel.Contracts;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Features.Acknowledgement;

/// <summary>What an acknowledgement link is worth.</summary>
internal enum LinkState
{
    /// <summary>No call has this token: forged, mistyped or truncated.</summary>
    Unknown,

    Expired,

    /// <summary>The link has already served once.</summary>
    Used,

    /// <summary>The link works (the escalation may meanwhile have been acknowledged by someone else).</summary>
    Usable,
}

/// <summary>What the acknowledgement page shows before the contact confirms.</summary>
internal sealed record AcknowledgementLinkView(LinkState State, string? Number, string? ContactName, int Level, string? Reason, bool AlreadyAcknowledged);

/// <summary>Reads an acknowledgement link without using it (opening the page does not acknowledge: mail scanners follow links).</summary>
internal sealed record AcknowledgementLinkQuery(string Token) : IQuery<AcknowledgementLinkView>;

/// <summary>The contact confirms the acknowledgement: the link is used up, and the escalation stops moving up if it was still open.</summary>
internal sealed record AcknowledgeByLinkCommand(string Token) : IRequest<AcknowledgementLinkView>;

internal static class AcknowledgementLinks
{
    public static async Task<(ContactCall? Call, TicketEscalation? Escalation, LinkState State)> FindAsync(EscalationDbContext db, string token, DateTime now, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 100)
        {
            return (null, null, LinkState.Unknown);
        }

        var hash = ContactCall.Hash(token);
        var call = await db.ContactCalls.SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        if (call is null || !call.Matches(token))
        {
            return (null, null, LinkState.Unknown);
        }

        var escalation = await db.Escalations.SingleAsync(e => e.Id == call.EscalationId, cancellationToken);
        var state = call.UsedAtUtc is not null ? LinkState.Used : now >= call.ExpiresAtUtc ? LinkState.Expired : LinkState.Usable;
        return (call, escalation, state);
    }

    public static AcknowledgementLinkView View(ContactCall? call, TicketEscalation? escalation, LinkState state) =>
        call is null || escalation is null
            ? new AcknowledgementLinkView(LinkState.Unknown, null, null, 0, null, false)
            : new AcknowledgementLinkView(state, escalation.Number, call.ContactName, call.Level, escalation.Reason, escalation.Status == EscalationStatus.Acknowledged);
}

internal sealed class AcknowledgementLinkQueryHandler(EscalationDbContext db, TimeProvider clock) : IRequestHandler<AcknowledgementLinkQuery, AcknowledgementLinkView>
{
    public async Task<AcknowledgementLinkView> Handle(AcknowledgementLinkQuery request, CancellationToken cancellationToken)
    {
        var (call, escalation, state) = await AcknowledgementLinks.FindAsync(db, request.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return AcknowledgementLinks.View(call, escalation, state);
    }
}

internal sealed class AcknowledgeByLinkHandler(EscalationDbContext db, IMediator mediator, EscalationAcknowledgements acknowledgements, TimeProvider clock)
    : IRequestHandler<AcknowledgeByLinkCommand, AcknowledgementLinkView>
{
    public async Task<AcknowledgementLinkView> Handle(AcknowledgeByLinkCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (call, escalation, state) = await AcknowledgementLinks.FindAsync(db, request.Token, now, cancellationToken);
        if (call is null || escalation is null || state != LinkState.Usable)
        {
            return AcknowledgementLinks.View(call, escalation, state);
        }

        var alreadyAcknowledged = escalation.Status == EscalationStatus.Acknowledged;
        call.MarkUsed(now);
        var ticket = await mediator.Send(new TicketSummaryQuery(escalation.TicketId), cancellationToken);
        if (!alreadyAcknowledged && ticket is not null)
        {
            var who = $"{call.ContactName} ({call.ContactEmail})";
            var open = await db.Escalations.Where(e => e.TicketId == escalation.TicketId && e.Status != EscalationStatus.Acknowledged).ToListAsync(cancellationToken);
            await acknowledgements.AcknowledgeAsync(ticket, open, who, null, now, cancellationToken);
        }

        return new AcknowledgementLinkView(LinkState.Usable, escalation.Number, call.ContactName, call.Level, escalation.Reason, alreadyAcknowledged);
    }
}
