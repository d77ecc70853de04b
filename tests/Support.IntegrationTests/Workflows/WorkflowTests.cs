using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using Support.Workflows.Data;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Workflows;

public sealed class WorkflowTests
{
    private const string OnCall = "oncall@support.test";

    /// <summary>On a new ticket: mail the on-call address, wait, remind, finish; exported as JSON the way an admin would import it.</summary>
    private static string ReminderWorkflow(string delay, string definitionId = "new-ticket-reminder") => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Rappel nouveau ticket",
          "variables": [],
          "root": {
            "type": "Flowchart",
            "id": "Flowchart1",
            "activities": [
              { "id": "opened", "type": "Event", "name": "Ticket ouvert", "inputs": { "Event": { "expression": { "type": "Literal", "value": "Ticketing.TicketOpened" } } }, "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "notify", "type": "SendEmail", "inputs": {
                  "To": { "expression": { "type": "Literal", "value": "{{OnCall}}" } },
                  "Subject": { "expression": { "type": "JavaScript", "value": "'Nouveau ticket ' + event.number + ' (' + event.severity + ')'" } },
                  "Body": { "expression": { "type": "JavaScript", "value": "event.subject" } } },
                "metadata": { "designer": { "position": { "x": 200, "y": 0 } } } },
              { "id": "wait", "type": "Delay", "inputs": { "Duration": { "expression": { "type": "Literal", "value": "{{delay}}" } } }, "metadata": { "designer": { "position": { "x": 400, "y": 0 } } } },
              { "id": "remind", "type": "SendEmail", "inputs": {
                  "To": { "expression": { "type": "Literal", "value": "{{OnCall}}" } },
                  "Subject": { "expression": { "type": "JavaScript", "value": "'Rappel ticket ' + event.number" } },
                  "Body": { "expression": { "type": "Literal", "value": "Toujours ouvert." } } },
                "metadata": { "designer": { "position": { "x": 600, "y": 0 } } } },
              { "id": "end", "type": "Finish", "metadata": { "designer": { "position": { "x": 800, "y": 0 } } } }
            ],
            "connections": [
              { "source": { "activity": "opened", "port": "Done" }, "target": { "activity": "notify", "port": "In" }, "vertices": [] },
              { "source": { "activity": "notify", "port": "Done" }, "target": { "activity": "wait", "port": "In" }, "vertices": [] },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "remind", "port": "In" }, "vertices": [] },
              { "source": { "activity": "remind", "port": "Done" }, "target": { "activity": "end", "port": "In" }, "vertices": [] }
            ]
          }
        }
        """;

    internal static async Task ImportAndPublishAsync(SupportHostFactory host, string json)
    {
        using var admin = await StaffSession.SignInAsync(host);
        var imported = await admin.SubmitMultipartAsync("/Staff/Admin/Workflows", [], [("workflow.json", "application/json", Encoding.UTF8.GetBytes(json))], "/Staff/Admin/Workflows?handler=Import", "file");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var definitionPage = imported.Headers.Location!.OriginalString;
        var published = await admin.SubmitAsync(definitionPage, new Dictionary<string, string> { ["change"] = "Publish" }, definitionPage + "?handler=Change");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("version publiée", Text(await admin.GetStringAsync(definitionPage)), StringComparison.Ordinal);
    }

    internal static Task<List<WorkflowInstance>> InstancesAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.AsNoTracking().ToListAsync();
    }

    private static async Task<long> TicketIdAsync(SupportHostFactory host, string number) =>
        await QueryAsync(host, db => db.Tickets.Where(t => t.Number == int.Parse(number, System.Globalization.CultureInfo.InvariantCulture)).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task A_published_workflow_runs_for_a_ticket_opened_on_the_portal_and_its_instance_is_shown_to_admins()
    {
        await using var host = new SupportHostFactory();
        await ImportAndPublishAsync(host, ReminderWorkflow("00:00:01"));

        var number = await OpenTicketAsync(host);
        var mailbox = new PickupMailbox(host);
        Assert.Equal($"Nouveau ticket {number} (Normal)", Assert.Single(await mailbox.WaitForAsync(OnCall, "Nouveau ticket")).Subject);
        await mailbox.WaitForAsync(OnCall, $"Rappel ticket {number}");

        var instance = await Eventually.WaitForAsync(async () => Assert.Single(await InstancesAsync(host)), i => i.Status == WorkflowStatus.Finished, "the instance to finish");
        Assert.Equal((await TicketIdAsync(host, number)).ToString(System.Globalization.CultureInfo.InvariantCulture), instance.CorrelationId);

        using var admin = await StaffSession.SignInAsync(host);
        var list = Text(await admin.GetStringAsync("/Staff/Admin/Workflows/Instances?status=Finished"));
        Assert.Contains("Rappel nouveau ticket", list, StringComparison.Ordinal);
        Assert.Contains("Terminée", list, StringComparison.Ordinal);
        Assert.Contains(instance.CorrelationId!, list, StringComparison.Ordinal);
        Assert.Contains("Aucune instance ne correspond.", Text(await admin.GetStringAsync("/Staff/Admin/Workflows/Instances?status=Faulted")), StringComparison.Ordinal);

        var page = Text(await admin.GetStringAsync($"/Staff/Admin/Workflows/Instances/{instance.Id}"));
        foreach (var line in new[] { "Démarrée", "notify", "En attente", "wait", "Reprise", "remind", "Terminée" })
        {
            Assert.Contains(line, page, StringComparison.Ordinal);
        }

        var definitions = Text(await admin.GetStringAsync("/Staff/Admin/Workflows"));
        Assert.Contains("Rappel nouveau ticket", definitions, StringComparison.Ordinal);
        Assert.Contains("Version 1", definitions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_events_no_workflow_listens_to_leave_nothing_in_the_workflow_tables()
    {
        await using var host = new SupportHostFactory();
        await OpenTicketAsync(host);
        await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)), pending => pending == 0, "the ticket's events to be delivered");
        Assert.Equal(0, await WorkflowInboxCountAsync(host));

        await ImportAndPublishAsync(host, ReminderWorkflow("01:00:00"));
        await OpenTicketAsync(host, f => f["Input.Email"] = "paul.martin@acme.test");
        await Eventually.WaitForAsync(() => InstancesAsync(host), i => i is [{ Status: WorkflowStatus.Suspended }], "the instance to wait");
        Assert.Equal(1, await WorkflowInboxCountAsync(host));
    }

    private static async Task<int> WorkflowInboxCountAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().InboxMessages.CountAsync();
    }

    [Fact]
    public async Task Pending_timers_fire_after_a_restart()
    {
        string folder;
        string number;
        await using (var first = new SupportHostFactory())
        {
            folder = first.DataFolder;
            await ImportAndPublishAsync(first, ReminderWorkflow("00:00:04"));
            number = await OpenTicketAsync(first);
            await new PickupMailbox(first).WaitForAsync(OnCall, "Nouveau ticket");
            Assert.Equal(WorkflowStatus.Suspended, Assert.Single(await InstancesAsync(first)).Status);
        }

        await using var second = new SupportHostFactory(folder);
        using var client = StaffSession.Anonymous(second);
        await new PickupMailbox(second).WaitForAsync(OnCall, $"Rappel ticket {number}");
        await Eventually.WaitForAsync(async () => Assert.Single(await InstancesAsync(second)), i => i.Status == WorkflowStatus.Finished, "the instance to finish");
    }

    [Fact]
    public async Task Two_hosts_sharing_the_database_fire_each_timer_once()
    {
        await using var a = new SupportHostFactory();
        await using var b = new SupportHostFactory(a.DataFolder);
        await ImportAndPublishAsync(a, ReminderWorkflow("00:00:02"));
        using (StaffSession.Anonymous(b))
        {
            // Both hosts are started: each runs its outbox dispatcher and its timer worker on the one database.
        }

        var numbers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            numbers.Add(await OpenTicketAsync(i % 2 == 0 ? a : b));
        }

        await Eventually.WaitForAsync(() => InstancesAsync(a), list => list.Count == 6 && list.All(i => i.Status == WorkflowStatus.Finished), "six finished instances");
        await Task.Delay(TimeSpan.FromSeconds(2));

        // What the workflows queued in the email outbox: one notice and one reminder per ticket, each handed
        // over once although both hosts' senders work on the outbox.
        using var scope = a.Services.CreateScope();
        var queued = await scope.ServiceProvider.GetRequiredService<Support.Kernel.Persistence.KernelDbContext>().EmailMessages.AsNoTracking()
            .Where(m => m.To == OnCall).Select(m => m.Subject).ToListAsync();
        Assert.Equal(numbers.Select(n => "Rappel ticket " + n).Order(), queued.Where(q => q.StartsWith("Rappel ticket", StringComparison.Ordinal)).Order());
        Assert.Equal(6, queued.Count(q => q.StartsWith("Nouveau ticket", StringComparison.Ordinal)));
        await new PickupMailbox(a).WaitForAsync(OnCall, "Rappel ticket", 6);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(numbers.Select(n => "Rappel ticket " + n).Order(), new PickupMailbox(a).To(OnCall).Select(m => m.Subject ?? "").Where(s => s.StartsWith("Rappel ticket", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task Admins_create_edit_and_export_definitions_and_an_invalid_definition_is_refused_with_the_activity_named()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        var created = await admin.SubmitAsync("/Staff/Admin/Workflows", new Dictionary<string, string> { ["name"] = "SLA normal" }, "/Staff/Admin/Workflows?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var definitionId = page.Split('/')[^1];

        var broken = ReminderWorkflow("", definitionId);
        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Json"] = broken }, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = Text(await refused.Content.ReadAsStringAsync());
        Assert.True(refusal.Contains("Activité wait : l'entrée « Durée » est obligatoire.", StringComparison.Ordinal), refusal);

        var saved = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Json"] = ReminderWorkflow("04:00:00", definitionId) }, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var export = await admin.GetAsync(page + "?handler=Export");
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        Assert.Equal(definitionId, json["definitionId"]!.GetValue<string>());
        Assert.Equal("04:00:00", json["root"]!["activities"]![2]!["inputs"]!["Duration"]!["expression"]!["value"]!.GetValue<string>());
        Assert.False(json["isPublished"]!.GetValue<bool>());

        var list = Text(await admin.GetStringAsync("/Staff/Admin/Workflows"));
        Assert.Contains("Rappel nouveau ticket", list, StringComparison.Ordinal);
        Assert.Contains("Non", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_activity_descriptors_are_served_as_json_to_admins_only()
    {
        await using var host = new SupportHostFactory();
        using var anonymous = StaffSession.Anonymous(host);
        var refused = await anonymous.GetAsync("/Staff/Admin/Workflows/activities.json");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var page = await anonymous.GetAsync("/Staff/Admin/Workflows");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Staff/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var admin = await StaffSession.SignInAsync(host);
        var json = JsonNode.Parse(await admin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!;
        var activities = json["activities"]!.AsArray();
        var delay = activities.Single(a => a!["type"]!.GetValue<string>() == "Delay")!;
        Assert.Equal("Temps", delay["category"]!.GetValue<string>());
        Assert.Equal("Délai", delay["displayName"]!.GetValue<string>());
        Assert.Equal("Duration", delay["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Durée", delay["inputs"]![0]!["displayName"]!.GetValue<string>());
        Assert.Equal("Duration", delay["inputs"]![0]!["hint"]!.GetValue<string>());
        Assert.Equal("Événements", activities[0]!["category"]!.GetValue<string>());
        Assert.Contains(json["events"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "Ticketing.TicketClosed" && e["displayName"]!.GetValue<string>() == "Ticket fermé");
        Assert.Contains(json["calendars"]!.AsArray(), c => c!.GetValue<string>() == "Support hours");

        // Another module's activities are translated by that module's own texts.
        var compute = activities.Single(a => a!["type"]!.GetValue<string>() == "ComputeDueTime")!;
        Assert.Equal("Calculer une échéance", compute["displayName"]!.GetValue<string>());
        Assert.Equal("Objectif", compute["inputs"]![1]!["displayName"]!.GetValue<string>());
        Assert.Equal("Le temps ouvré accordé, par exemple 04:00:00.", compute["inputs"]![1]!["description"]!.GetValue<string>());
        Assert.Contains(activities, a => a!["displayName"]!.GetValue<string>() == "Lire le délai SLA");
        Assert.Null(compute["texts"]);
        Assert.Contains(activities, a => a!["type"]!.GetValue<string>() == "WaitForAcknowledgement" && a["displayName"]!.GetValue<string>() == "Attendre l'accusé de réception");
        Assert.Contains(json["events"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "Escalation.EscalationRequested" && e["displayName"]!.GetValue<string>() == "Escalade demandée par le client");

        using var englishAdmin = await StaffSession.SignInAsync(host, language: "en");
        var english = JsonNode.Parse(await englishAdmin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!;
        var englishDelay = english["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Delay")!;
        Assert.Equal("Timers", englishDelay["category"]!.GetValue<string>());
        Assert.Equal("Duration", englishDelay["inputs"]![0]!["displayName"]!.GetValue<string>());
        Assert.Contains(english["activities"]!.AsArray(), a => a!["displayName"]!.GetValue<string>() == "Compute due time");
    }

    [Fact]
    public async Task Publishing_from_the_designer_saves_the_edited_definition_with_its_positions_and_a_refusal_names_the_activity_to_mark()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        var created = await admin.SubmitAsync("/Staff/Admin/Workflows", new Dictionary<string, string> { ["name"] = "Rappel" }, "/Staff/Admin/Workflows?handler=Create");
        var page = created.Headers.Location!.OriginalString;
        var definitionId = page.Split('/')[^1];

        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Json"] = ReminderWorkflow("", definitionId), ["publish"] = "true" }, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<li data-activity=\"wait\">Activité wait : l&#x27;entrée « Durée » est obligatoire.</li>", html, StringComparison.Ordinal);
        Assert.Contains("\"Duration\": { \"expression\": { \"type\": \"Literal\", \"value\": \"\" } }", Text(html), StringComparison.Ordinal);
        Assert.Contains("version brouillon", Text(html), StringComparison.Ordinal);

        var published = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Json"] = ReminderWorkflow("04:00:00", definitionId), ["publish"] = "true" }, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var shown = Text(await admin.GetStringAsync(page));
        Assert.Contains("Le workflow a été publié.", shown, StringComparison.Ordinal);
        Assert.Contains("version publiée", shown, StringComparison.Ordinal);
        var json = JsonNode.Parse(await admin.GetStringAsync(page + "?handler=Export"))!;
        Assert.True(json["isPublished"]!.GetValue<bool>());
        Assert.Equal(1, json["version"]!.GetValue<int>());
        Assert.Equal(600, json["root"]!["activities"]![3]!["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_faulted_instance_is_shown_with_its_incident_and_can_be_cancelled()
    {
        await using var host = new SupportHostFactory();
        var faulty = ReminderWorkflow("00:00:01").Replace("'Nouveau ticket ' + event.number", "event.missing.field", StringComparison.Ordinal);
        await ImportAndPublishAsync(host, faulty);
        await OpenTicketAsync(host);
        var instance = await Eventually.WaitForAsync(async () => (await InstancesAsync(host)).SingleOrDefault(), i => i?.Status == WorkflowStatus.Faulted, "a faulted instance");

        using var admin = await StaffSession.SignInAsync(host);
        var path = $"/Staff/Admin/Workflows/Instances/{instance!.Id}";
        var page = Text(await admin.GetStringAsync(path));
        Assert.Contains("En erreur", page, StringComparison.Ordinal);
        Assert.Contains("event.missing.field", page, StringComparison.Ordinal);
        Assert.Contains("Réessayer", page, StringComparison.Ordinal);

        var cancelled = await admin.SubmitAsync(path, new Dictionary<string, string>(), path + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Annulée", Text(await admin.GetStringAsync(path)), StringComparison.Ordinal);
    }
}
