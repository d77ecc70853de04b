using Support.Ticketing.Contracts;
using Support.Ticketing.Domain;
using Support.Ticketing.Sla;

namespace Support.Ticketing.Tests;

/// <summary>The ticket's SLA bookkeeping without the database: outcomes, pauses, and the workflow's next alert.</summary>
public sealed class SlaClockStateTests
{
    private static readonly DateTime Opened = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static readonly SlaPolicy Normal = new("Normale", TicketSeverity.Normal);

    private static Ticket Open()
    {
        var company = new Company("Acme", Opened);
        var contact = new Contact("marie@acme.test", "Marie", "01", null, 0, Opened);
        var message = new ThreadEntry(ThreadEntryKind.CustomerMessage, "Marie", null, "<p>Aide</p>", "Aide", Opened);
        return Ticket.Open(123456, new NewTicket(1, null, "marie@acme.test", "Marie", "01", false, "Imprimante", TicketPriority.Normal, "web", "fr", new Dictionary<string, string>()), contact, company, message, Opened);
    }

    private static SlaTimes Times(int firstDueHours, int resolutionDueHours) => new(
        new SlaClockTime(Opened.AddHours(firstDueHours), Opened.AddHours(firstDueHours * 0.75)),
        default,
        new SlaClockTime(Opened.AddHours(resolutionDueHours), Opened.AddHours(resolutionDueHours * 0.75)));

    private static ThreadEntry Reply(DateTime at) => new(ThreadEntryKind.AgentReply, "Agent", "a1", "<p>Ok</p>", "Ok", at);

    [Fact]
    public void The_workflow_is_told_the_warning_then_the_breach_of_the_earliest_clock_once_each_per_due_time()
    {
        var ticket = Open();
        ticket.SetSlaTimes(Normal, Times(4, 40));
        Assert.Equal(("Warning", Opened.AddHours(3)), ticket.NextSlaAlert);
        Assert.Equal("FirstResponse", ticket.SlaClock);

        ticket.RecordSlaAlert("Warning", Opened.AddHours(3));
        Assert.Equal(("Breached", Opened.AddHours(4)), ticket.NextSlaAlert);
        ticket.RecordSlaAlert("Breached", Opened.AddHours(4));
        Assert.Null(ticket.NextSlaAlert);
        Assert.Equal(["Opened", "SlaWarning", "SlaBreached"], ticket.Changes.Select(c => c.Field));

        // A severity change re-times the clock: a new due time gets its own warning.
        ticket.SetSlaTimes(Normal, Times(2, 40));
        Assert.Equal(("Warning", Opened.AddHours(1.5)), ticket.NextSlaAlert);
    }

    [Fact]
    public void A_first_reply_after_the_due_time_is_met_late_and_one_while_paused_before_the_target_is_met()
    {
        var late = Open();
        late.SetSlaTimes(Normal, Times(4, 40));
        late.AddAgentEntry(Reply(Opened.AddHours(5)), Opened.AddHours(5));
        Assert.False(late.FirstResponseMet);

        var paused = Open();
        paused.SetSlaTimes(Normal, Times(4, 40));
        paused.ChangeStatus(TicketStatus.AwaitingCustomer, "Agent", "a1", Opened.AddHours(1));
        paused.KeepSlaPausesInStep(Opened.AddHours(1));
        paused.SetSlaTimes(Normal, SlaTimes.None);
        Assert.Equal(Opened.AddHours(1), paused.SlaPausedSinceUtc);
        Assert.Null(paused.SlaDueAtUtc);
        paused.AddAgentEntry(Reply(Opened.AddHours(30)), Opened.AddHours(30));
        Assert.True(paused.FirstResponseMet);

        paused.ChangeStatus(TicketStatus.Open, "Marie", null, Opened.AddHours(31));
        paused.KeepSlaPausesInStep(Opened.AddHours(31));
        Assert.Null(paused.SlaPausedSinceUtc);
        Assert.Equal((Opened.AddHours(1), (DateTime?)Opened.AddHours(31)), (paused.SlaPauses.Single().FromUtc, paused.SlaPauses.Single().ToUtc));
    }

    [Fact]
    public void Clock_states_follow_the_time_of_the_request()
    {
        var due = Opened.AddHours(4);
        Assert.Equal(SlaState.Running, SlaView.Summary(TicketStatus.Open, due, Opened.AddHours(3), null, Opened.AddHours(2)).State);
        Assert.Equal(SlaState.AtRisk, SlaView.Summary(TicketStatus.Open, due, Opened.AddHours(3), null, Opened.AddHours(3)).State);
        Assert.Equal(SlaState.Breached, SlaView.Summary(TicketStatus.Open, due, Opened.AddHours(3), null, due).State);
        Assert.Equal(SlaState.Paused, SlaView.Summary(TicketStatus.AwaitingCustomer, null, null, Opened, Opened.AddHours(9)).State);
        Assert.Equal(SlaState.None, SlaView.Summary(TicketStatus.Closed, null, null, Opened, Opened.AddHours(9)).State);
        Assert.Equal("3 h 05 min", SlaText.Duration(TimeSpan.FromMinutes(185)));
        Assert.Equal("2 d 4 h", SlaText.Duration(TimeSpan.FromHours(52)));
        Assert.Equal("15 min", SlaText.Duration(TimeSpan.FromMinutes(-15)));
    }
}
