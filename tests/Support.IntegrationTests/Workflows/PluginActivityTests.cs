using System.Net;
using System.Text.Json.Nodes;
using Support.Testing;
using Support.Workflows.Data;
using static Support.IntegrationTests.Ticketing.TicketingScenario;
using static Support.IntegrationTests.Workflows.WorkflowTests;

namespace Support.IntegrationTests.Workflows;

/// <summary>
/// Workflow activities added by a plugin: the sample plugin (tests/Support.Plugins.WorkflowSample) is loaded by the
/// host from a plugins folder, never referenced by the tests.
/// </summary>
public sealed class PluginActivityTests
{
    private const string OnCall = "oncall@support.test";

    private static SupportHostFactory HostWithSamplePlugin()
    {
        var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
        PluginTests.HostWithBrokenPlugins.CopyDirectory(
            Path.Combine(AppContext.BaseDirectory, "test-plugins", "Support.Plugins.WorkflowSample"),
            Path.Combine(plugins, "Support.Plugins.WorkflowSample"));
        return new SupportHostFactory(settings: new Dictionary<string, string?> { ["Plugins:Path"] = plugins });
    }

    /// <summary>On a new ticket: the plugin's Ticket label into a variable, mailed as the subject, then finish.</summary>
    private static string LabelWorkflow(string definitionId = "plugin-label", string variable = "label") => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Étiquette par le plugin",
          "variables": [ { "name": "label", "type": "String", "value": "" } ],
          "root": {
            "type": "Flowchart", "id": "Flowchart1",
            "activities": [
              { "id": "opened", "type": "Event", "name": "Ticket ouvert", "inputs": { "Event": { "expression": { "type": "Literal", "value": "Ticketing.TicketOpened" } } } },
              { "id": "label", "type": "WorkflowSampleTicketLabel", "inputs": {
                  "Number": { "expression": { "type": "JavaScript", "value": "event.number" } },
                  "Subject": { "expression": { "type": "JavaScript", "value": "event.subject" } },
                  "Variable": { "expression": { "type": "Literal", "value": "{{variable}}" } } } },
              { "id": "notify", "type": "SendEmail", "inputs": {
                  "To": { "expression": { "type": "Literal", "value": "{{OnCall}}" } },
                  "Subject": { "expression": { "type": "Variable", "value": "label" } },
                  "Body": { "expression": { "type": "Literal", "value": "Nouveau ticket." } } } },
              { "id": "end", "type": "Finish" }
            ],
            "connections": [
              { "source": { "activity": "opened", "port": "Done" }, "target": { "activity": "label", "port": "In" }, "vertices": [] },
              { "source": { "activity": "label", "port": "Done" }, "target": { "activity": "notify", "port": "In" }, "vertices": [] },
              { "source": { "activity": "notify", "port": "Done" }, "target": { "activity": "end", "port": "In" }, "vertices": [] }
            ]
          }
        }
        """;

    private const string FailingWorkflow = """
        {
          "definitionId": "plugin-fails",
          "name": "Plugin en panne",
          "variables": [],
          "root": {
            "type": "Flowchart", "id": "Flowchart1",
            "activities": [
              { "id": "opened", "type": "Event", "name": "Ticket ouvert", "inputs": { "Event": { "expression": { "type": "Literal", "value": "Ticketing.TicketOpened" } } } },
              { "id": "broken", "type": "WorkflowSampleAlwaysFail", "inputs": { "Message": { "expression": { "type": "Literal", "value": "The remote-support service is unreachable." } } } },
              { "id": "end", "type": "Finish" }
            ],
            "connections": [
              { "source": { "activity": "opened", "port": "Done" }, "target": { "activity": "broken", "port": "In" }, "vertices": [] },
              { "source": { "activity": "broken", "port": "Done" }, "target": { "activity": "end", "port": "In" }, "vertices": [] }
            ]
          }
        }
        """;

    [Fact]
    public async Task A_plugin_activity_is_in_the_designer_palette_and_validated_like_the_built_in_ones()
    {
        await using var host = HostWithSamplePlugin();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var json = JsonNode.Parse(await admin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!;
        var label = json["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "WorkflowSampleTicketLabel")!;
        Assert.Equal("Workflow sample", label["category"]!.GetValue<string>());
        Assert.Equal("Ticket label", label["displayName"]!.GetValue<string>());
        Assert.Equal(["Number", "Subject", "Variable"], label["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(["Done"], label["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));

        // The sample's third activity throws in its constructor: it is left out, and the list is served without it.
        Assert.Equal(
            ["WorkflowSampleAlwaysFail", "WorkflowSampleTicketLabel"],
            json["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).Where(t => t.StartsWith("WorkflowSample", StringComparison.Ordinal)).Order());

        var created = await admin.SubmitAsync("/Staff/Admin/Workflows", new Dictionary<string, string> { ["name"] = "Label" }, "/Staff/Admin/Workflows?handler=Create");
        var page = created.Headers.Location!.OriginalString;
        var definitionId = page.Split('/')[^1];
        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Json"] = LabelWorkflow(definitionId, variable: "") }, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = Text(await refused.Content.ReadAsStringAsync());
        Assert.True(refusal.Contains("Activity label: the input \"Variable\" is required.", StringComparison.Ordinal), refusal);

        var saved = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Json"] = LabelWorkflow(definitionId), ["publish"] = "true" }, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The workflow has been published.", Text(await admin.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_workflow_with_a_plugin_activity_runs_to_completion_when_a_ticket_is_opened()
    {
        await using var host = HostWithSamplePlugin();
        await ImportAndPublishAsync(host, LabelWorkflow());

        var number = await OpenTicketAsync(host);

        var mail = Assert.Single(await new PickupMailbox(host).WaitForAsync(OnCall, $"[#{number}]"));
        Assert.Equal($"[#{number}] L'imprimante du 2e étage n'imprime plus", mail.Subject);
        await Eventually.WaitForAsync(async () => Assert.Single(await InstancesAsync(host)), i => i.Status == WorkflowStatus.Finished, "the instance to finish");
    }

    [Fact]
    public async Task A_plugin_activity_that_throws_faults_only_its_own_instance()
    {
        await using var host = HostWithSamplePlugin();
        await ImportAndPublishAsync(host, FailingWorkflow);
        await ImportAndPublishAsync(host, LabelWorkflow());

        var number = await OpenTicketAsync(host);

        await new PickupMailbox(host).WaitForAsync(OnCall, $"[#{number}]");
        var instances = await Eventually.WaitForAsync(() => InstancesAsync(host), all => all.Count == 2 && all.All(i => i.Status is WorkflowStatus.Faulted or WorkflowStatus.Finished), "both instances to end their run");
        var faulted = Assert.Single(instances, i => i.Status == WorkflowStatus.Faulted);
        Assert.Single(instances, i => i.Status == WorkflowStatus.Finished);

        using var admin = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await admin.GetStringAsync($"/Staff/Admin/Workflows/Instances/{faulted.Id}"));
        Assert.Contains("Plugin en panne", page, StringComparison.Ordinal);
        Assert.Contains("The remote-support service is unreachable.", page, StringComparison.Ordinal);
        Assert.Contains("WorkflowSampleAlwaysFail", page, StringComparison.Ordinal);

        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var second = await OpenTicketAsync(host);
        await new PickupMailbox(host).WaitForAsync(OnCall, $"[#{second}]");
    }
}
