using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Features.KnowledgeBase;

internal sealed class HelpTopicsQueryHandler : IRequestHandler<HelpTopicsQuery, IReadOnlyList<HelpTopicSummary>>
{
    private readonly TicketingDbContext _db;
    private readonly HelpTopicCatalog _catalog;

    public HelpTopicsQueryHandler(TicketingDbContext db, HelpTopicCatalog catalog)
    {
        _db = db;
        _catalog = catalog;
    }

    public async Task<IReadOnlyList<HelpTopicSummary>> Handle(HelpTopicsQuery request, CancellationToken cancellationToken) =>
        [.. (await _catalog.AllAsync(_db, cancellationToken)).Select(h => new HelpTopicSummary(h.Key, h.NameFr, h.NameEn, h.SortOrder, h.Active))];
}

internal sealed class TicketForArticleQueryHandler : IRequestHandler<TicketForArticleQuery, TicketForArticle?>
{
    private readonly TicketingDbContext _db;

    public TicketForArticleQueryHandler(TicketingDbContext db) => _db = db;

    public async Task<TicketForArticle?> Handle(TicketForArticleQuery request, CancellationToken cancellationToken)
    {
        var ticket = await _db.Tickets.AsNoTracking()
            .Where(t => t.Number == request.Number)
            .Select(t => new { t.Id, t.Number, t.Subject, Topic = _db.HelpTopics.Where(h => h.Id == t.HelpTopicId).Select(h => h.Key).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var messages = await _db.ThreadEntries.AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && e.Kind != ThreadEntryKind.InternalNote)
            .OrderBy(e => e.Id)
            .Select(e => new TicketMessageForArticle(e.Kind == ThreadEntryKind.AgentReply, e.AuthorName, e.BodyHtml, e.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return new TicketForArticle(ticket.Number, ticket.Subject, ticket.Topic ?? "", messages);
    }
}
