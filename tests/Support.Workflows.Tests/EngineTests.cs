using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Persistence;
using Support.Ticketing.Contracts;
using Support.Workflows.Contracts;
using Support.Workflows.Data;
using Support.Workflows.Definitions;
using Support.Workflows.Features.Definitions;
using Support.Workflows.Features.Instances;
using Support.Workflows.Runtime;
using Support.Workflows.Timers;
using static Support.Workflows.Tests.EngineHost;

namespace Support.Workflows.Tests;

public sealed class EngineTests
{
    private static Flow Triggered(string name, string? definitionId = null) =>
        new Flow(name, definitionId).Add("opened", "Event", ("Event", "Ticketing.TicketOpened"));

    private static (string, string)[] Mail(string subject) =>
        [("To", "oncall@support.test"), ("Subject", subject), ("Body", "js:'Ticket ' + event.number")];

    [Fact]
    public async Task An_opened_ticket_starts_its_workflow_which_decides_on_the_event_and_sends_an_email()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Critical alert")
            .Add("critical", "Decision", ("Condition", "js:event.severity === 'Critical'"))
            .Add("mail", "SendEmail", Mail("Critical ticket"))
            .Add("end", "Finish")
            .Connect("opened", "critical")
            .Connect("critical", "mail", "True")
            .Connect("critical", "end", "False")
            .Connect("mail", "end")
            .Build());

        await host.DeliverAsync(Opened(7, TicketSeverity.Critical));
        await host.DeliverAsync(Opened(8, TicketSeverity.Normal));

        var instances = await host.InstancesAsync();
        Assert.Equal(["7", "8"], instances.Select(i => i.CorrelationId));
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Equal(["Critical ticket"], await host.EmailSubjectsAsync());
        var journal = await host.JournalAsync(instances[0].Id);
        Assert.Equal("Started  version 1", journal[0]);
        Assert.Contains("Completed critical True", journal);
        Assert.Contains("Completed mail Done", journal);
        Assert.Equal("Finished  ", journal[^1]);
    }

    [Fact]
    public async Task One_instance_per_ticket_and_definition_and_the_same_event_delivered_twice_resumes_once()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Wait for reply")
            .Add("reply", "WaitForEvent", ("Event", "Ticketing.AgentReplied"))
            .Add("mail", "SendEmail", Mail("Replied"))
            .Chain("opened", "reply", "mail")
            .Build());

        await host.DeliverAsync(Opened(7));
        await host.DeliverAsync(Opened(7));
        var instance = await host.SingleInstanceAsync();
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Equal("reply", instance.CurrentActivities);

        var replied = new AgentRepliedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(7), 1, "agent-1", true);
        await host.DeliverAsync(replied);
        await host.DeliverAsync(replied);
        await host.DeliverAsync(replied with { EventId = Guid.NewGuid() });

        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
        Assert.Equal(["Replied"], await host.EmailSubjectsAsync());
        Assert.Equal(0, await host.QueryAsync(db => db.Bookmarks.CountAsync()));
    }

    [Fact]
    public async Task Events_of_another_ticket_do_not_resume_the_instance()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Wait for close")
            .Add("closed", "Event", ("Event", "Ticketing.TicketClosed"))
            .Add("end", "Finish")
            .Chain("opened", "closed", "end")
            .Build());

        await host.DeliverAsync(Opened(7));
        await host.DeliverAsync(new TicketClosedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(8, status: TicketStatus.Closed)));
        Assert.Equal(WorkflowStatus.Suspended, (await host.SingleInstanceAsync()).Status);

        await host.DeliverAsync(new TicketClosedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(7, status: TicketStatus.Closed)));
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
    }

    [Fact]
    public async Task Wait_for_event_follows_Timeout_when_its_business_hours_timer_fires_first()
    {
        await using var host = await StartAsync();
        host.Clock.Set(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero)); // Friday 15:00 in Paris
        await host.PublishAsync(Triggered("First response")
            .Add("reply", "WaitForEvent", ("Event", "Ticketing.AgentReplied"), ("Timeout", "04:00:00"), ("Calendar", "Support hours"))
            .Add("late", "SendEmail", Mail("Response target missed"))
            .Add("inTime", "SendEmail", Mail("Answered in time"))
            .Connect("opened", "reply")
            .Connect("reply", "late", "Timeout")
            .Connect("reply", "inTime", "Done")
            .Build());

        await host.DeliverAsync(Opened(7));
        var due = await host.QueryAsync(db => db.Timers.Select(t => t.DueAtUtc).SingleAsync());
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), due); // Monday 11:00 in Paris

        host.Clock.Set(new DateTimeOffset(2026, 11, 23, 9, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await host.FireDueTimersAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.FireDueTimersAsync());

        Assert.Equal(["Response target missed"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
        Assert.Equal(0, await host.QueryAsync(db => db.Bookmarks.CountAsync()));

        // The reply that comes afterwards finds nothing to resume.
        await host.DeliverAsync(new AgentRepliedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(7), 1, "agent-1", true));
        Assert.Equal(["Response target missed"], await host.EmailSubjectsAsync());
    }

    [Fact]
    public async Task Wait_for_event_follows_Done_when_the_event_comes_first_and_its_timer_is_gone()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("First response")
            .Add("reply", "WaitForEvent", ("Event", "Ticketing.AgentReplied"), ("Timeout", "01:00:00"))
            .Add("late", "SendEmail", Mail("Late"))
            .Add("inTime", "SendEmail", Mail("In time"))
            .Connect("opened", "reply")
            .Connect("reply", "late", "Timeout")
            .Connect("reply", "inTime", "Done")
            .Build());

        await host.DeliverAsync(Opened(7));
        Assert.Equal(1, await host.QueryAsync(db => db.Timers.CountAsync()));
        await host.DeliverAsync(new AgentRepliedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(7), 1, "agent-1", true));

        Assert.Equal(0, await host.QueryAsync(db => db.Timers.CountAsync()));
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await host.FireDueTimersAsync());
        Assert.Equal(["In time"], await host.EmailSubjectsAsync());
    }

    [Fact]
    public async Task Delay_suspends_until_its_timer_fires_and_the_timer_fires_once()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Reminder")
            .Add("pause", "Delay", ("Duration", "PT2H"))
            .Add("mail", "SendEmail", Mail("Reminder"))
            .Chain("opened", "pause", "mail")
            .Build());
        await host.DeliverAsync(Opened(7));
        Assert.Equal(WorkflowStatus.Suspended, (await host.SingleInstanceAsync()).Status);

        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await host.FireDueTimersAsync());
        Assert.Equal(0, await host.FireDueTimersAsync());
        Assert.Equal(["Reminder"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
    }

    [Fact]
    public async Task A_recurring_timer_follows_Done_at_every_interval_until_the_flow_finishes()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Hourly reminder")
            .Variable("sent", "Number", "0")
            .Add("hourly", "Timer", ("Interval", "01:00:00"))
            .Add("count", "SetVariable", ("Variable", "sent"), ("Value", "js:variables.sent + 1"))
            .Add("mail", "SendEmail", [("To", "oncall@support.test"), ("Subject", "js:'Reminder ' + variables.sent"), ("Body", "Still open")])
            .Add("enough", "Decision", ("Condition", "js:variables.sent >= 3"))
            .Add("end", "Finish")
            .Chain("opened", "hourly", "count", "mail", "enough")
            .Connect("enough", "end", "True")
            .Build());
        await host.DeliverAsync(Opened(7));

        for (var hour = 0; hour < 4; hour++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await host.FireDueTimersAsync();
        }

        Assert.Equal(["Reminder 1", "Reminder 2", "Reminder 3"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
        Assert.Equal(0, await host.QueryAsync(db => db.Timers.CountAsync()));
    }

    [Fact]
    public async Task Start_at_waits_for_a_future_instant_and_goes_on_at_once_for_a_past_one()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Start at")
            .Add("future", "StartAt", ("Instant", "2026-11-24T08:00:00Z"))
            .Add("past", "StartAt", ("Instant", "2020-01-01T00:00:00Z"))
            .Add("mail", "SendEmail", Mail("Morning"))
            .Chain("opened", "future", "past", "mail")
            .Build());
        await host.DeliverAsync(Opened(7));
        Assert.Equal(new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc), await host.QueryAsync(db => db.Timers.Select(t => t.DueAtUtc).SingleAsync()));

        host.Clock.Set(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await host.FireDueTimersAsync();
        Assert.Equal(["Morning"], await host.EmailSubjectsAsync());
    }

    [Fact]
    public async Task Switch_follows_the_first_matching_case_or_every_one_or_Default()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("By severity")
            .Add("route", "Switch", ("Cases", "Critical: event.severity === 'Critical'\nUrgent: event.severity !== 'Normal'"))
            .Add("all", "Switch", ("Cases", "Contract: event.companyHasContract\nPrinter: event.helpTopic === 'printer'"), ("Mode", "MatchAny"))
            .Add("critical", "SendEmail", Mail("Critical"))
            .Add("urgent", "SendEmail", Mail("Urgent"))
            .Add("normal", "SendEmail", Mail("Normal"))
            .Add("contract", "SendEmail", Mail("Contract"))
            .Add("printer", "SendEmail", Mail("Printer"))
            .Connect("opened", "route")
            .Connect("route", "critical", "Critical")
            .Connect("route", "urgent", "Urgent")
            .Connect("route", "normal", "Default")
            .Connect("normal", "all")
            .Connect("all", "contract", "Contract")
            .Connect("all", "printer", "Printer")
            .Build());

        await host.DeliverAsync(Opened(1, TicketSeverity.Critical));
        await host.DeliverAsync(Opened(2, TicketSeverity.Serious));
        await host.DeliverAsync(Opened(3, TicketSeverity.Normal));
        Assert.Equal(["Critical", "Urgent", "Normal", "Contract", "Printer"], await host.EmailSubjectsAsync());
    }

    [Fact]
    public async Task Fork_and_Join_WaitAll_continue_once_both_branches_arrived()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Both")
            .Add("fork", "Fork", ("Branches", "Reply\nWait"))
            .Add("reply", "WaitForEvent", ("Event", "Ticketing.AgentReplied"))
            .Add("pause", "Delay", ("Duration", "00:30:00"))
            .Add("join", "Join", ("Mode", "WaitAll"))
            .Add("mail", "SendEmail", Mail("Both done"))
            .Connect("opened", "fork")
            .Connect("fork", "reply", "Reply")
            .Connect("fork", "pause", "Wait")
            .Connect("reply", "join")
            .Connect("pause", "join")
            .Connect("join", "mail")
            .Build());
        await host.DeliverAsync(Opened(7));
        Assert.Equal("pause,reply", (await host.SingleInstanceAsync()).CurrentActivities);

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.FireDueTimersAsync();
        Assert.Empty(await host.EmailSubjectsAsync());
        Assert.Equal("reply", (await host.SingleInstanceAsync()).CurrentActivities);

        await host.DeliverAsync(new AgentRepliedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(7), 1, "agent-1", true));
        Assert.Equal(["Both done"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
    }

    [Fact]
    public async Task Join_WaitAny_continues_with_the_first_branch_and_cancels_the_others_waits()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("First of")
            .Add("fork", "Fork", ("Branches", "Reply\nWait"))
            .Add("reply", "WaitForEvent", ("Event", "Ticketing.AgentReplied"))
            .Add("pause", "Delay", ("Duration", "00:30:00"))
            .Add("join", "Join", ("Mode", "WaitAny"))
            .Add("mail", "SendEmail", Mail("First"))
            .Connect("opened", "fork")
            .Connect("fork", "reply", "Reply")
            .Connect("fork", "pause", "Wait")
            .Connect("reply", "join")
            .Connect("pause", "join")
            .Connect("join", "mail")
            .Build());
        await host.DeliverAsync(Opened(7));
        await host.DeliverAsync(new AgentRepliedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(7), 1, "agent-1", true));

        Assert.Equal(["First"], await host.EmailSubjectsAsync());
        Assert.Equal(0, await host.QueryAsync(db => db.Timers.CountAsync()));
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.FireDueTimersAsync());
        Assert.Equal(["First"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
    }

    [Fact]
    public async Task Timers_of_one_instance_due_in_the_same_batch_resume_it_in_order_and_an_ended_wait_does_not_fire()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Race")
            .Add("fork", "Fork", ("Branches", "Short\nLong\nTwice"))
            .Add("short", "Delay", ("Duration", "00:10:00"))
            .Add("long", "Delay", ("Duration", "00:20:00"))
            .Add("twice", "Delay", ("Duration", "00:15:00"))
            .Add("join", "Join", ("Mode", "WaitAny"))
            .Add("mail", "SendEmail", Mail("Short first"))
            .Add("again", "Delay", ("Duration", "00:05:00"))
            .Add("late", "SendEmail", Mail("Five minutes on"))
            .Connect("opened", "fork")
            .Connect("fork", "short", "Short")
            .Connect("fork", "long", "Long")
            .Connect("fork", "twice", "Twice")
            .Connect("short", "join")
            .Connect("long", "join")
            .Connect("twice", "join")
            .Connect("join", "mail")
            .Connect("mail", "again")
            .Connect("again", "late")
            .Build());
        await host.DeliverAsync(Opened(9));
        Assert.Equal(3, await host.QueryAsync(db => db.Timers.CountAsync()));

        // All three timers are due and claimed together: the first one's Join cancels the other two waits, and
        // the wait it starts (five more minutes) is a new timer, not yet due.
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.FireDueTimersAsync());
        Assert.Equal(["Short first"], await host.EmailSubjectsAsync());
        Assert.Equal("again", (await host.SingleInstanceAsync()).CurrentActivities);
        Assert.Equal(1, await host.QueryAsync(db => db.Timers.CountAsync()));

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await host.FireDueTimersAsync());
        Assert.Equal(["Short first", "Five minutes on"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
        Assert.Equal(0, await host.QueryAsync(db => db.Timers.CountAsync()));
    }

    [Fact]
    public async Task Set_variable_takes_literals_variables_and_script_results()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Variables")
            .Variable("target", "String", "4h")
            .Add("a", "SetVariable", ("Variable", "severity"), ("Value", "js:event.severity"))
            .Add("b", "SetVariable", ("Variable", "copy"), ("Value", "var:target"))
            .Add("c", "SetVariable", ("Variable", "note"), ("Value", "plain text"))
            .Add("wait", "Event", ("Event", "Ticketing.TicketClosed"))
            .Chain("opened", "a", "b", "c", "wait")
            .Build());
        await host.DeliverAsync(Opened(7, TicketSeverity.Serious));

        var state = InstanceState.Parse((await host.SingleInstanceAsync()).State);
        Assert.Equal("Serious", state.Variables["severity"]!.GetValue<string>());
        Assert.Equal("4h", state.Variables["copy"]!.GetValue<string>());
        Assert.Equal("plain text", state.Variables["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fault_is_recorded_on_its_instance_and_other_instances_go_on()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Broken")
            .Add("bad", "Decision", ("Condition", "js:event.nothing.deeper"))
            .Connect("opened", "bad")
            .Build());
        await host.PublishAsync(Triggered("Healthy")
            .Add("mail", "SendEmail", Mail("Healthy"))
            .Connect("opened", "mail")
            .Build());

        await host.DeliverAsync(Opened(7));

        var instances = await host.InstancesAsync();
        var broken = instances.Single(i => i.Name == "Broken");
        Assert.Equal(WorkflowStatus.Faulted, broken.Status);
        Assert.Equal("bad", broken.CurrentActivities);
        Assert.Equal(WorkflowStatus.Finished, instances.Single(i => i.Name == "Healthy").Status);
        Assert.Equal(["Healthy"], await host.EmailSubjectsAsync());
        var incident = await host.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.Equal(("bad", "Decision"), (incident.ActivityId, incident.ActivityType));
        Assert.Contains("event.nothing.deeper", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrying_a_faulted_instance_runs_the_failed_activity_again_and_cancelling_removes_its_waits()
    {
        FlakyActivity.Failures = 1;
        await using var host = await StartAsync(configure: s => s.AddSingleton<IWorkflowActivity, FlakyActivity>());
        await host.PublishAsync(Triggered("Flaky")
            .Add("flaky", "Flaky")
            .Add("wait", "Delay", ("Duration", "01:00:00"))
            .Chain("opened", "flaky", "wait")
            .Build());
        await host.DeliverAsync(Opened(7));
        var instance = await host.SingleInstanceAsync();
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);

        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<MediatR.IMediator>().Send(new RetryInstanceCommand(instance.Id));
            return 0;
        });
        Assert.Equal(WorkflowStatus.Suspended, (await host.SingleInstanceAsync()).Status);
        Assert.NotNull(await host.QueryAsync(db => db.Incidents.Select(i => i.ResolvedAtUtc).SingleAsync()));

        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<MediatR.IMediator>().Send(new CancelInstanceCommand(instance.Id));
            return 0;
        });
        Assert.Equal(WorkflowStatus.Cancelled, (await host.SingleInstanceAsync()).Status);
        Assert.Equal(0, await host.QueryAsync(db => db.Timers.CountAsync()));
        Assert.Contains("Retried  ", await host.JournalAsync(instance.Id));
    }

    [Fact]
    public async Task Instances_stay_on_the_version_they_started_on_after_a_new_version_is_published()
    {
        await using var host = await StartAsync();
        var v1 = Triggered("SLA", "sla")
            .Add("closed", "Event", ("Event", "Ticketing.TicketClosed"))
            .Add("mail", "SendEmail", Mail("Version 1"))
            .Chain("opened", "closed", "mail")
            .Build();
        await host.PublishAsync(v1);
        await host.DeliverAsync(Opened(1));

        var v2 = Triggered("SLA", "sla")
            .Add("closed", "Event", ("Event", "Ticketing.TicketClosed"))
            .Add("mail", "SendEmail", Mail("Version 2"))
            .Chain("opened", "closed", "mail")
            .Build();
        await host.PublishAsync(v2);
        await host.DeliverAsync(Opened(2));

        await host.DeliverAsync(new TicketClosedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(1)));
        await host.DeliverAsync(new TicketClosedEvent(Guid.NewGuid(), DateTime.UtcNow, Ticket(2)));

        Assert.Equal(["Version 1", "Version 2"], await host.EmailSubjectsAsync());
        Assert.Equal([1, 2], (await host.InstancesAsync()).Select(i => i.Version));
        var versions = await host.QueryAsync(db => db.Definitions.OrderBy(d => d.Version).Select(d => new { d.Version, d.IsLatest, d.IsPublished }).ToListAsync());
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));
    }

    [Fact]
    public async Task Retracting_stops_new_instances_and_reverting_copies_an_old_version_into_a_new_draft()
    {
        await using var host = await StartAsync();
        var id = await host.PublishAsync(Triggered("SLA", "sla").Add("mail", "SendEmail", Mail("Version 1")).Connect("opened", "mail").Build());
        await host.PublishAsync(Triggered("SLA", "sla").Add("mail", "SendEmail", Mail("Version 2")).Connect("opened", "mail").Build());

        await Change(host, id, DefinitionChange.Retract);
        await host.DeliverAsync(Opened(1));
        Assert.Empty(await host.InstancesAsync());

        await Change(host, id, DefinitionChange.Revert, 1);
        await Change(host, id, DefinitionChange.Publish);
        await host.DeliverAsync(Opened(2));
        Assert.Equal(["Version 1"], await host.EmailSubjectsAsync());
        var latest = await host.QueryAsync(db => db.Definitions.Where(d => d.IsLatest).SingleAsync());
        Assert.Equal((3, true), (latest.Version, latest.IsPublished));
        Assert.True(WorkflowDefinitionDocument.Parse(latest.Json).IsPublished);
    }

    [Fact]
    public async Task Saving_an_invalid_definition_is_refused_with_the_activity_named()
    {
        await using var host = await StartAsync();
        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => host.PublishAsync(Triggered("Bad").Add("pause", "Delay").Connect("opened", "pause").Build()));
        Assert.Contains("Activity pause (pause): the input \"Duration\" is required.", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.QueryAsync(db => db.Definitions.ToListAsync()));

        // The refused save rolled back and let the next writer in.
        await host.PublishAsync(Triggered("Good").Add("pause", "Delay", ("Duration", "01:00:00")).Connect("opened", "pause").Build());
        Assert.Single(await host.QueryAsync(db => db.Definitions.ToListAsync()));
    }

    [Fact]
    public async Task Pending_timers_survive_a_restart_and_fire_once_when_two_hosts_share_the_database()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        string folder;
        await using (var first = await StartAsync(clock: clock))
        {
            folder = first.Folder;
            await first.PublishAsync(Triggered("Reminder")
                .Add("pause", "Delay", ("Duration", "00:10:00"))
                .Add("mail", "SendEmail", Mail("js:'Reminder ' + correlationId"))
                .Chain("opened", "pause", "mail")
                .Build());
            for (var ticket = 1; ticket <= 40; ticket++)
            {
                await first.DeliverAsync(Opened(ticket));
            }
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using var a = await StartAsync(folder, clock, settings: new Dictionary<string, string?> { ["Workflows:Timers:BatchSize"] = "7" });
        await using var b = await StartAsync(folder, clock, settings: new Dictionary<string, string?> { ["Workflows:Timers:BatchSize"] = "7" });
        var fired = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).FireDueTimersAsync()));
        while (await a.FireDueTimersAsync() + await b.FireDueTimersAsync() > 0)
        {
        }

        var subjects = await a.EmailSubjectsAsync();
        Assert.Equal(40, subjects.Count);
        Assert.Equal(40, subjects.Distinct().Count());
        Assert.All(await a.InstancesAsync(), i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.True(fired.Sum() <= 40);
    }

    [Fact]
    public async Task A_timer_whose_claim_was_taken_over_is_not_fired_by_the_first_claimant()
    {
        await using var host = await StartAsync();
        await host.PublishAsync(Triggered("Reminder")
            .Add("pause", "Delay", ("Duration", "00:10:00"))
            .Add("mail", "SendEmail", Mail("Reminder"))
            .Chain("opened", "pause", "mail")
            .Build());
        await host.DeliverAsync(Opened(1));
        var timerId = await host.QueryAsync(db => db.Timers.Select(t => t.Id).SingleAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var leaseEnd = host.Clock.GetUtcNow().UtcDateTime.AddSeconds(20);
        await host.QueryAsync(db => db.Timers.ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, "other-host").SetProperty(t => t.LeaseUntilUtc, leaseEnd)));

        // Due, but held by another host: nothing to claim, and the worker sleeps instead of spinning.
        Assert.Equal(0, await host.FireDueTimersAsync());
        Assert.Equal(TimeSpan.FromSeconds(1), await host.Services.GetRequiredService<TimerScheduler>().UntilNextDueAsync(CancellationToken.None));

        var fired = await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
            return await s.GetRequiredService<WorkflowRuntime>().FireTimersAsync([timerId], "stale-claim", CancellationToken.None);
        });
        Assert.Equal(0, fired);
        Assert.Empty(await host.EmailSubjectsAsync());
    }

    [Fact]
    public async Task A_module_registers_its_own_activity_and_the_activities_are_described_for_the_designer()
    {
        await using var host = await StartAsync(configure: s => s.AddSingleton<IWorkflowActivity, FlakyActivity>());
        var registry = host.Services.GetRequiredService<ActivityRegistry>();
        Assert.NotNull(registry.Find("Flaky"));
        var types = registry.Descriptors.Select(d => d.Type).ToHashSet();
        foreach (var type in new[] { "Start", "Event", "WaitForEvent", "Delay", "StartAt", "Timer", "Decision", "Switch", "Fork", "Join", "SetVariable", "SendEmail", "Finish" })
        {
            Assert.Contains(type, types);
        }

        Assert.Equal(["Done", "Timeout"], registry.Find("WaitForEvent")!.Descriptor.Outcomes);
        Assert.Contains("Ticketing.TicketOpened", registry.Find("Event")!.Descriptor.Inputs.Single(i => i.Name == "Event").Options!);
        Assert.Contains("severity", registry.FindStimulus("Ticketing.TicketSeverityChanged")!.PayloadFields);
    }

    [Fact]
    public async Task An_activity_registered_later_under_a_taken_type_name_or_with_a_broken_descriptor_is_left_out()
    {
        await using var host = await StartAsync(configure: s => s
            .AddSingleton<IWorkflowActivity, ImpostorDelayActivity>()
            .AddSingleton<IWorkflowActivity, BrokenDescriptorActivity>());
        var registry = host.Services.GetRequiredService<ActivityRegistry>();

        Assert.Equal("Duration", registry.Find("Delay")!.Descriptor.Inputs[0].Name);
        Assert.Single(registry.Descriptors, d => d.Type == "Delay");
        Assert.Contains(registry.Descriptors, d => d.Type == "Finish");
        Assert.DoesNotContain(registry.Descriptors, d => d.Category == "Impostors");
    }

    [Fact]
    public async Task An_activity_that_returns_no_result_faults_its_instance_with_an_incident_naming_it()
    {
        await using var host = await StartAsync(configure: s => s.AddSingleton<IWorkflowActivity, NoResultActivity>());
        await host.PublishAsync(Triggered("No result")
            .Add("silent", "NoResult")
            .Add("mail", "SendEmail", Mail("After the silent one"))
            .Chain("opened", "silent", "mail")
            .Build());

        await host.DeliverAsync(Opened(8));

        Assert.Equal(WorkflowStatus.Faulted, (await host.SingleInstanceAsync()).Status);
        Assert.Equal("The activity \"silent\" (NoResult) returned no result.", await host.QueryAsync(db => db.Incidents.Select(i => i.Message).SingleAsync()));
        Assert.Empty(await host.EmailSubjectsAsync());
    }

    private sealed class NoResultActivity : IWorkflowActivity
    {
        public ActivityDescriptor Descriptor { get; } = new("NoResult", "Tests", "No result", "Returns null, as a faulty plugin could.", [], ["Done"]);

        public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) => Task.FromResult<ActivityResult>(null!);
    }

    private sealed class ImpostorDelayActivity : IWorkflowActivity
    {
        public ActivityDescriptor Descriptor { get; } = new("Delay", "Impostors", "Delay", "Claims a built-in type name.", [], ["Done"]);

        public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) => Task.FromResult(ActivityResult.Finish());
    }

    private sealed class BrokenDescriptorActivity : IWorkflowActivity
    {
        public ActivityDescriptor Descriptor => throw new InvalidOperationException("No descriptor.");

        public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) => Task.FromResult(ActivityResult.Done());
    }

    [Fact]
    public async Task A_timer_that_comes_due_while_its_instance_is_faulted_fires_after_the_retry()
    {
        FlakyActivity.Failures = 1;
        await using var host = await StartAsync(configure: s => s.AddSingleton<IWorkflowActivity, FlakyActivity>());
        await host.PublishAsync(Triggered("Fork with a fault")
            .Add("fork", "Fork", ("Branches", "Wait\nFail"))
            .Add("pause", "Delay", ("Duration", "01:00:00"))
            .Add("flaky", "Flaky")
            .Add("join", "Join", ("Mode", "WaitAll"))
            .Add("mail", "SendEmail", Mail("Both branches"))
            .Connect("opened", "fork")
            .Connect("fork", "pause", "Wait")
            .Connect("fork", "flaky", "Fail")
            .Connect("pause", "join")
            .Connect("flaky", "join")
            .Connect("join", "mail")
            .Build());
        await host.DeliverAsync(Opened(7));
        var instance = await host.SingleInstanceAsync();
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.FireDueTimersAsync();
        Assert.Equal(WorkflowStatus.Faulted, (await host.SingleInstanceAsync()).Status);

        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<MediatR.IMediator>().Send(new RetryInstanceCommand(instance.Id));
            return 0;
        });
        Assert.Equal(1, await host.FireDueTimersAsync());
        Assert.Equal(["Both branches"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
    }

    [Fact]
    public async Task An_activity_that_fails_while_being_resumed_waits_afresh_when_retried()
    {
        FlakyWaitActivity.Failures = 1;
        await using var host = await StartAsync(configure: s => s.AddSingleton<IWorkflowActivity, FlakyWaitActivity>());
        await host.PublishAsync(Triggered("Flaky wait")
            .Add("wait", "FlakyWait")
            .Add("mail", "SendEmail", Mail("Resumed"))
            .Chain("opened", "wait", "mail")
            .Build());
        await host.DeliverAsync(Opened(7));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.FireDueTimersAsync();
        var instance = await host.SingleInstanceAsync();
        Assert.Equal((WorkflowStatus.Faulted, "wait"), (instance.Status, instance.CurrentActivities));
        Assert.Equal(0, await host.QueryAsync(db => db.Timers.CountAsync()));

        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<MediatR.IMediator>().Send(new RetryInstanceCommand(instance.Id));
            return 0;
        });
        Assert.Equal(WorkflowStatus.Suspended, (await host.SingleInstanceAsync()).Status);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.FireDueTimersAsync();
        Assert.Equal(["Resumed"], await host.EmailSubjectsAsync());
        Assert.Equal(WorkflowStatus.Finished, (await host.SingleInstanceAsync()).Status);
    }

    private static Task<int> Change(EngineHost host, string id, DefinitionChange change, int? version = null) =>
        host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<MediatR.IMediator>().Send(new ChangeDefinitionCommand(id, change, version));
            return 0;
        });

    /// <summary>Waits one minute, and fails a given number of times when its timer resumes it.</summary>
    private sealed class FlakyWaitActivity : IWorkflowActivity
    {
        public static int Failures { get; set; }

        public ActivityDescriptor Descriptor { get; } = new("FlakyWait", "Tests", "Flaky wait", "Waits, then fails on resume.", [], ["Done"], Waits: true);

        public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ActivityResult.Wait(new ActivityBookmark(WorkflowRunner.TimerStimulus, "flaky", context.UtcNow.AddMinutes(1))));

        public Task<ActivityResult> ResumeAsync(IActivityContext context, ActivityBookmark bookmark, CancellationToken cancellationToken) =>
            Failures-- > 0 ? throw new InvalidOperationException("Lost the connection.") : Task.FromResult(ActivityResult.Done());
    }

    /// <summary>A module's activity that fails a given number of times, then completes.</summary>
    private sealed class FlakyActivity : IWorkflowActivity
    {
        public static int Failures { get; set; }

        public ActivityDescriptor Descriptor { get; } = new("Flaky", "Tests", "Flaky", "Fails, then works.", [], ["Done"]);

        public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
        {
            if (Failures-- > 0)
            {
                throw new InvalidOperationException("The remote service is down.");
            }

            return Task.FromResult(ActivityResult.Done());
        }
    }
}
