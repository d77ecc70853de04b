using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Portal;

namespace Support.Ticketing.Features.CustomerTicket;

/// <summary>Opens an emailed access link: the grant for the customer's session, or null when the link is unknown, expired or revoked.</summary>
internal sealed record OpenAccessLinkCommand(string Token) : IRequest<(CustomerGrant Grant, DateTime ExpiresAtUtc)?>;

internal sealed class OpenAccessLinkHandler : IRequestHandler<OpenAccessLinkCommand, (CustomerGrant Grant, DateTime ExpiresAtUtc)?>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public OpenAccessLinkHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<(CustomerGrant Grant, DateTime ExpiresAtUtc)?> Handle(OpenAccessLinkCommand request, CancellationToken cancellationToken)
    {
        if (request.Token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = AccessLink.Hash(request.Token);
        var link = await _db.AccessLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        if (link is null || !link.Matches(request.Token) || !link.IsUsable(now))
        {
            return null;
        }

        link.MarkUsed(now);
        return (new CustomerGrant(link.TicketId, link.Id), link.ExpiresAtUtc);
    }
}

/// <summary>Checks that a customer's session still rests on a usable link for its ticket.</summary>
internal sealed class CustomerGrants
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public CustomerGrants(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<bool> IsValidAsync(CustomerGrant grant, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return await _db.AccessLinks.AsNoTracking().AnyAsync(
            l => l.Id == grant.AccessLinkId && l.TicketId == grant.TicketId && l.RevokedAtUtc == null && l.ExpiresAtUtc > now,
            cancellationToken);
    }
}
