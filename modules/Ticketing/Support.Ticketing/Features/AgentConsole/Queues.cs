using System.Globalization;
using MediatR;
using Support.Kernel.Contracts;
using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Features.AgentConsole;

/// <summary>The agent console's queues.</summary>
internal enum Queue
{
    Open,
    Mine,
    Unassigned,
    Critical,
    AwaitingCustomer,
    Closed,

    /// <summary>A running SLA clock is past its warning threshold but not yet due; soonest due first.</summary>
    AtRisk,

    /// <summary>A running SLA clock is past its due time; the longest overdue first.</summary>
    Breached,
}

/// <summary>The orders a queue can be read in; each is served by keyset paging on an index.</summary>
internal enum QueueSort
{
    /// <summary>Most recent activity first (the default).</summary>
    Updated,

    /// <summary>Least recent activity first: the backlog.</summary>
    Oldest,

    /// <summary>Newest tickets first.</summary>
    Created,

    /// <summary>Highest customer priority first, newest first within a priority.</summary>
    Priority,

    /// <summary>Soonest SLA due time first (the At risk and Breached queues; only tickets with a running clock).</summary>
    Due,
}

/// <summary>A page of a queue, after an optional cursor, with filters and a search.</summary>
internal sealed record QueueQuery(
    Queue Queue,
    string CurrentAgentId,
    string? Search = null,
    long? HelpTopicId = null,
    TicketPriority? Priority = null,
    TicketSeverity? Severity = null,
    SupportTeam? Team = null,
    string? AgentId = null,
    QueueSort Sort = QueueSort.Updated,
    string? After = null,
    int PageSize = 50) : IQuery<QueuePage>;

/// <summary>A ticket as a queue lists it.</summary>
internal sealed record QueueRow(
    long Id,
    int Number,
    string Subject,
    string CustomerName,
    string CompanyName,
    TicketStatus Status,
    TicketPriority Priority,
    TicketSeverity Severity,
    bool CriticalSituation,
    SupportTeam Team,
    string? AssignedAgentName,
    DateTime UpdatedAtUtc,
    DateTime CreatedAtUtc,
    DateTime? SlaDueAtUtc,
    DateTime? SlaWarnAtUtc,
    DateTime? SlaPausedSinceUtc)
{
    public string DisplayNumber => Ticket.Format(Number);
}

/// <summary>One page: the rows, the cursor of the next page (null on the last), and a count bounded at <see cref="QueuePage.CountLimit"/>.</summary>
internal sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? NextCursor, int Count, bool CountIsCapped)
{
    public const int CountLimit = 1000;
}

internal sealed class QueueQueryHandler : IRequestHandler<QueueQuery, QueuePage>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public QueueQueryHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>The SLA queues are read in due-time order whatever sort was asked for: the most urgent first.</summary>
    public static QueueSort SortOf(QueueQuery request) =>
        request.Queue is Queue.AtRisk or Queue.Breached ? QueueSort.Due : request.Sort == QueueSort.Due ? QueueSort.Updated : request.Sort;

    public async Task<QueuePage> Handle(QueueQuery request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var sort = SortOf(request);
        var matches = await TextMatchesAsync(request.Search?.Trim(), cancellationToken);
        var filtered = Filter(request, matches, now);
        var count = await filtered.Take(QueuePage.CountLimit + 1).CountAsync(cancellationToken);
        var page = After(Order(filtered, sort), sort, request.After);
        var rows = await page
            .Select(t => new QueueRow(t.Id, t.Number, t.Subject, t.CustomerName, t.CompanyName, t.Status, t.Priority, t.Severity,
                t.CriticalSituation, t.Team, t.AssignedAgentName, t.UpdatedAtUtc, t.CreatedAtUtc, t.SlaDueAtUtc, t.SlaWarnAtUtc, t.SlaPausedSinceUtc))
            .Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > request.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = Cursor(rows[^1], sort);
        }

        return new QueuePage(rows, next, Math.Min(count, QueuePage.CountLimit), count > QueuePage.CountLimit);
    }

    private IQueryable<Ticket> Filter(QueueQuery request, List<long>? textMatches, DateTime now)
    {
        var tickets = _db.Tickets.AsNoTracking();
        tickets = request.Queue switch
        {
            Queue.Open => tickets.Where(t => t.Status == TicketStatus.Open),
            Queue.Mine => tickets.Where(t => t.AssignedAgentId == request.CurrentAgentId && t.Status != TicketStatus.Closed),
            Queue.Unassigned => tickets.Where(t => t.AssignedAgentId == null && t.Status != TicketStatus.Closed),
            Queue.Critical => tickets.Where(t => (t.Severity == TicketSeverity.Critical || t.CriticalSituation) && t.Status != TicketStatus.Closed),
            Queue.AwaitingCustomer => tickets.Where(t => t.Status == TicketStatus.AwaitingCustomer),
            Queue.AtRisk => tickets.Where(t => t.SlaDueAtUtc > now && t.SlaWarnAtUtc <= now),
            Queue.Breached => tickets.Where(t => t.SlaDueAtUtc <= now),
            _ => tickets.Where(t => t.Status == TicketStatus.Closed),
        };
        if (request.HelpTopicId is { } topic)
        {
            tickets = tickets.Where(t => t.HelpTopicId == topic);
        }

        if (request.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (request.Severity is { } severity)
        {
            tickets = tickets.Where(t => t.Severity == severity);
        }

        if (request.Team is { } team)
        {
            tickets = tickets.Where(t => t.Team == team);
        }

        if (!string.IsNullOrEmpty(request.AgentId))
        {
            tickets = tickets.Where(t => t.AssignedAgentId == request.AgentId);
        }

        return Search(tickets, request.Search?.Trim(), textMatches);
    }

    /// <summary>
    /// A number finds that ticket, an address that customer's tickets, anything else the words in
    /// subject, company, customer and thread (<paramref name="textMatches"/>).
    /// </summary>
    private static IQueryable<Ticket> Search(IQueryable<Ticket> tickets, string? search, List<long>? textMatches)
    {
        if (string.IsNullOrEmpty(search))
        {
            return tickets;
        }

        if (AsNumber(search) is { } number)
        {
            return tickets.Where(t => t.Number == number);
        }

        if (IsAddress(search))
        {
            var email = Contact.Normalize(search);
            return tickets.Where(t => t.NormalizedCustomerEmail == email);
        }

        // One JSON parameter (json_each), not EF's default of one SQL parameter per id: up to 5,000 ids.
        return textMatches is null ? tickets : tickets.Where(t => EF.Parameter(textMatches).Contains(t.Id));
    }

    /// <summary>
    /// The tickets whose words match a text search: the most recent <see cref="TicketSearchIndex.MatchLimit"/>,
    /// read once from the full-text index and shared by the count and the page (null when the search
    /// is a number, an address, or has no words).
    /// </summary>
    private async Task<List<long>?> TextMatchesAsync(string? search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(search) || AsNumber(search) is not null || IsAddress(search) || TicketSearch.MatchExpression(search) is not { } match)
        {
            return null;
        }

        return await _db.Database.SqlQuery<long>(
            $"SELECT rowid AS Value FROM ticketing_ticket_search WHERE ticketing_ticket_search MATCH {match} ORDER BY rowid DESC LIMIT {TicketSearchIndex.MatchLimit}")
            .ToListAsync(cancellationToken);
    }

    private static int? AsNumber(string search)
    {
        var number = search.TrimStart('#');
        return number.Length is >= 6 and <= 9 && number.All(char.IsAsciiDigit) ? int.Parse(number, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsAddress(string search) =>
        search.Contains('@', StringComparison.Ordinal) && !search.Contains(' ', StringComparison.Ordinal);

    private static IQueryable<Ticket> Order(IQueryable<Ticket> tickets, QueueSort sort) => sort switch
    {
        QueueSort.Due => tickets.OrderBy(t => t.SlaDueAtUtc).ThenBy(t => t.Id),
        QueueSort.Oldest => tickets.OrderBy(t => t.UpdatedAtUtc).ThenBy(t => t.Id),
        QueueSort.Created => tickets.OrderByDescending(t => t.Id),
        QueueSort.Priority => tickets.OrderByDescending(t => t.Priority).ThenByDescending(t => t.Id),
        _ => tickets.OrderByDescending(t => t.UpdatedAtUtc).ThenByDescending(t => t.Id),
    };

    private static IQueryable<Ticket> After(IQueryable<Ticket> tickets, QueueSort sort, string? cursor)
    {
        var parts = cursor?.Split('_');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var key) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var id))
        {
            return tickets;
        }

        switch (sort)
        {
            case QueueSort.Due:
                var due = new DateTime(key, DateTimeKind.Utc);
                return tickets.Where(t => t.SlaDueAtUtc > due || (t.SlaDueAtUtc == due && t.Id > id));
            case QueueSort.Oldest:
                var oldest = new DateTime(key, DateTimeKind.Utc);
                return tickets.Where(t => t.UpdatedAtUtc > oldest || (t.UpdatedAtUtc == oldest && t.Id > id));
            case QueueSort.Created:
                return tickets.Where(t => t.Id < id);
            case QueueSort.Priority:
                var priority = (TicketPriority)key;
                return tickets.Where(t => t.Priority < priority || (t.Priority == priority && t.Id < id));
            default:
                var updated = new DateTime(key, DateTimeKind.Utc);
                return tickets.Where(t => t.UpdatedAtUtc < updated || (t.UpdatedAtUtc == updated && t.Id < id));
        }
    }

    private static string Cursor(QueueRow row, QueueSort sort)
    {
        var key = sort switch
        {
            QueueSort.Priority => (long)row.Priority,
            QueueSort.Created => row.Id,
            QueueSort.Due => row.SlaDueAtUtc!.Value.Ticks,
            _ => row.UpdatedAtUtc.Ticks,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{key}_{row.Id}");
    }
}

/// <summary>Turns what an agent typed into an FTS5 query: every word must match, as a prefix.</summary>
internal static class TicketSearch
{
    public static string? MatchExpression(string search)
    {
        var words = search
            .Split([' ', '\t', ',', ';', '"', '\'', '(', ')', '*', ':', '-', '^', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit))
            .Take(8)
            .Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*")
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
