using System.Globalization;
using System.Text;
using FluentValidation;
using MediatR;
using Support.Kernel.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Content;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.AgentConsole;

namespace Support.Ticketing.Features.TimeAccounting;

/// <summary>
/// Records an intervention's time on a ticket. Billable defaults to "the company has no maintenance
/// contract in force" when the agent does not say.
/// </summary>
internal sealed record RecordTimeCommand(int Number, Agent Agent, int Minutes, string? Note, bool? Billable, DateOnly? WorkedOn) : IRequest<Unit>;

internal sealed class RecordTimeValidator : AbstractValidator<RecordTimeCommand>
{
    public RecordTimeValidator(IStringLocalizer<TicketingResource> t)
    {
        RuleFor(c => c.Minutes).InclusiveBetween(1, 24 * 60).WithMessage(t["Enter the time spent in minutes, from 1 to 1440."]);
        RuleFor(c => c.Note).SingleLine(t, t["Note"], 1000, required: false);
    }
}

internal sealed class RecordTimeHandler : IRequestHandler<RecordTimeCommand, Unit>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public RecordTimeHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<Unit> Handle(RecordTimeCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var ticket = await _db.Tickets.SingleOrDefaultAsync(t => t.Number == request.Number, cancellationToken)
            ?? throw new TicketNotFoundException(request.Number);
        var company = await _db.Companies.SingleAsync(c => c.Id == ticket.CompanyId, cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var billable = request.Billable ?? !company.ContractInForce(today);
        _db.TimeEntries.Add(new TimeEntry(ticket.Id, company.Id, request.Agent.Id, request.Agent.Name, request.Minutes, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), billable, request.WorkedOn ?? today, now));
        // Recorded as "minutes;billable" so that the page can word it in the reader's language.
        ticket.RecordEvent(TicketChange.TimeRecorded, string.Create(CultureInfo.InvariantCulture, $"{request.Minutes};{(billable ? "billable" : "not-billable")}"), request.Agent.Name, request.Agent.Id, now);
        return Unit.Value;
    }
}

/// <summary>Time per company and month between two months (inclusive).</summary>
internal sealed record TimeReportQuery(DateOnly FromMonth, DateOnly ToMonth) : IQuery<IReadOnlyList<TimeReportRow>>;

/// <summary>One company's time in one month, in minutes.</summary>
internal sealed record TimeReportRow(string Company, bool HasContract, int Year, int Month, int TotalMinutes, int BillableMinutes);

internal sealed class TimeReportQueryHandler : IRequestHandler<TimeReportQuery, IReadOnlyList<TimeReportRow>>
{
    private readonly TicketingDbContext _db;
    private readonly TimeProvider _clock;

    public TimeReportQueryHandler(TicketingDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<IReadOnlyList<TimeReportRow>> Handle(TimeReportQuery request, CancellationToken cancellationToken)
    {
        var from = new DateOnly(request.FromMonth.Year, request.FromMonth.Month, 1);
        var to = new DateOnly(request.ToMonth.Year, request.ToMonth.Month, 1).AddMonths(1);
        var entries = await _db.TimeEntries.AsNoTracking()
            .Where(e => e.WorkedOn >= from && e.WorkedOn < to)
            .GroupBy(e => new { e.CompanyId, e.WorkedOn.Year, e.WorkedOn.Month })
            .Select(g => new
            {
                g.Key.CompanyId,
                g.Key.Year,
                g.Key.Month,
                Total = g.Sum(e => e.Minutes),
                Billable = g.Sum(e => e.Billable ? e.Minutes : 0),
            })
            .ToListAsync(cancellationToken);
        var companyIds = entries.Select(e => e.CompanyId).Distinct().ToList();
        var companies = await _db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        return [.. entries
            .Select(e => new TimeReportRow(companies[e.CompanyId].Name, companies[e.CompanyId].ContractInForce(today), e.Year, e.Month, e.Total, e.Billable))
            .OrderBy(r => r.Year).ThenBy(r => r.Month).ThenBy(r => r.Company, StringComparer.CurrentCultureIgnoreCase)];
    }
}

/// <summary>The report as CSV (RFC 4180), hours with two decimals, for a spreadsheet or the invoicing tool.</summary>
internal static class TimeReportCsv
{
    public static string Write(IEnumerable<TimeReportRow> rows)
    {
        var csv = new StringBuilder("company,maintenance_contract,month,total_minutes,billable_minutes,billable_hours\r\n");
        foreach (var row in rows)
        {
            csv.Append(Quote(row.Company)).Append(',')
                .Append(row.HasContract ? "yes" : "no").Append(',')
                .Append(CultureInfo.InvariantCulture, $"{row.Year:D4}-{row.Month:D2},{row.TotalMinutes},{row.BillableMinutes},{row.BillableMinutes / 60m:0.00}")
                .Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quotes a field, and defuses a leading <c>= + - @</c> that a spreadsheet would run as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
