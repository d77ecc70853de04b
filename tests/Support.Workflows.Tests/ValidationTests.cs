using Microsoft.Extensions.DependencyInjection;
using Support.Workflows.Definitions;

namespace Support.Workflows.Tests;

public sealed class ValidationTests
{
    private static async Task<List<string>> ProblemsAsync(Flow flow)
    {
        await using var host = await EngineHost.StartAsync();
        return [.. host.Services.GetRequiredService<DefinitionValidator>().Validate(flow.Build()).Select(p => p.ToString())];
    }

    [Fact]
    public async Task A_well_formed_definition_has_no_problem()
    {
        var problems = await ProblemsAsync(new Flow("SLA")
            .Add("opened", "Event", ("Event", "Ticketing.TicketOpened"))
            .Add("wait", "Delay", ("Duration", "04:00:00"), ("Calendar", "Support hours"))
            .Add("end", "Finish")
            .Chain("opened", "wait", "end"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Each_problem_names_its_activity()
    {
        var problems = await ProblemsAsync(new Flow("Broken")
            .Add("start", "Start")
            .Add("mystery", "Teleport")
            .Add("wait", "Delay")
            .Add("alone", "Finish")
            .Add("check", "Decision", ("Condition", "js:true"))
            .Add("waitEvent", "WaitForEvent", ("Event", "Ticketing.Nothing"))
            .Chain("start", "mystery", "wait", "check")
            .Connect("check", "waitEvent", "Maybe"));

        Assert.Contains("Activity mystery (mystery): the type \"Teleport\" is unknown.", problems);
        Assert.Contains("Activity wait (wait): the input \"Duration\" is required.", problems);
        Assert.Contains("Activity alone (alone) is not connected to the flowchart.", problems);
        Assert.Contains("Activity check (check) has no outcome \"Maybe\".", problems);
        Assert.Contains("Activity waitEvent (waitEvent): no module publishes the event \"Ticketing.Nothing\".", problems);
    }

    [Fact]
    public async Task A_loop_that_never_waits_is_refused_and_a_loop_through_a_delay_is_not()
    {
        var busy = await ProblemsAsync(new Flow("Busy")
            .Add("start", "Start")
            .Add("count", "SetVariable", ("Variable", "n"), ("Value", "js:1"))
            .Add("again", "Decision", ("Condition", "js:true"))
            .Chain("start", "count", "again")
            .Connect("again", "count", "True"));
        Assert.Contains("The loop through again (again), count (count) never waits; add a Delay, a Timer or a wait for an event to it.", busy);

        var patient = await ProblemsAsync(new Flow("Patient")
            .Add("start", "Start")
            .Add("pause", "Delay", ("Duration", "01:00:00"))
            .Add("again", "Decision", ("Condition", "js:true"))
            .Chain("start", "pause", "again")
            .Connect("again", "pause", "True"));
        Assert.Empty(patient);
    }

    [Fact]
    public async Task A_workflow_needs_a_name_and_a_way_to_start()
    {
        var problems = await ProblemsAsync(new Flow("")
            .Add("a", "SetVariable", ("Variable", "x"))
            .Add("b", "Finish")
            .Chain("a", "b")
            .Connect("b", "a", "Done"));
        Assert.Contains("The workflow needs a name.", problems);
        Assert.Contains("The workflow needs a Start or an Event activity with no incoming connection.", problems);
    }

    [Fact]
    public void Definitions_round_trip_through_elsa_shaped_json()
    {
        var json = new Flow("SLA", "sla-normal")
            .Variable("reminders", "Number", "0")
            .Add("opened", "Event", ("Event", "Ticketing.TicketOpened"))
            .Add("check", "Decision", ("Condition", "js:event.severity === 'Critical'"))
            .Connect("opened", "check")
            .Build().ToJson();

        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal("sla-normal", node["definitionId"]!.GetValue<string>());
        Assert.Equal("Flowchart", node["root"]!["type"]!.GetValue<string>());
        var check = node["root"]!["activities"]![1]!;
        Assert.Equal("JavaScript", check["inputs"]!["Condition"]!["expression"]!["type"]!.GetValue<string>());
        Assert.Equal(200, check["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>());
        var connection = node["root"]!["connections"]![0]!;
        Assert.Equal("opened", connection["source"]!["activity"]!.GetValue<string>());
        Assert.Equal("Done", connection["source"]!["port"]!.GetValue<string>());
        Assert.Equal("check", connection["target"]!["activity"]!.GetValue<string>());
        Assert.NotNull(connection["vertices"]);
        Assert.Equal(json, WorkflowDefinitionDocument.Parse(json).ToJson());
    }
}
