using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed class WorkflowDesignerTests : IClassFixture<BrowserHost>
{
    private const string OnCall = "oncall@support.test";
    private readonly BrowserHost _host;

    public WorkflowDesignerTests(BrowserHost host) => _host = host;

    private static ILocator Activity(IPage page, string name) => page.Locator(".x6-node", new() { HasText = name });

    private static ILocator Port(IPage page, string activity, string port) => Activity(page, activity).Locator($"[port='{port}']");

    /// <summary>Drags an activity from the palette and drops it at a point of the diagram.</summary>
    private static async Task DropAsync(IPage page, string paletteLabel, float x, float y) =>
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Activities" }).GetByRole(AriaRole.Button, new() { Name = paletteLabel, Exact = true })
            .DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = x, Y = y } });

    /// <summary>Drags from an outcome port (a dot at the bottom of an activity) to another activity's input (the dot at its top).</summary>
    private static async Task ConnectAsync(IPage page, string from, string outcome, string to)
    {
        var source = await Port(page, from, outcome).BoundingBoxAsync() ?? throw new InvalidOperationException($"No port {outcome} on {from}.");
        var target = await Port(page, to, "In").BoundingBoxAsync() ?? throw new InvalidOperationException($"No input on {to}.");
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    private static ILocator Property(IPage page, string label) =>
        page.GetByTestId("properties").GetByLabel(label, new() { Exact = true });

    /// <summary>
    /// Signs an admin in and creates a workflow, which opens in the designer. The designer runs under the strict
    /// Content-Security-Policy: whatever the policy refuses, and any script error, is collected in <paramref name="refused"/>.
    /// </summary>
    private async Task<IPage> NewWorkflowAsync(string name, List<string> refused)
    {
        var page = await _host.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 1300);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        page.PageError += (_, error) => refused.Add(error);
        await page.GotoAsync("/Staff/Admin/Workflows");
        await page.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByTestId("create").GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Admin_builds_a_workflow_by_drag_and_drop_publishes_it_and_sees_it_finish_for_a_new_ticket()
    {
        var refused = new List<string>();
        var page = await NewWorkflowAsync("Notify on-call of new tickets", refused);

        // A new workflow opens in the designer with its Start activity; this one starts on an event instead.
        await Assertions.Expect(Activity(page, "Start")).ToBeVisibleAsync();
        await Activity(page, "Start").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(0);
        var hint = page.GetByTestId("canvas").GetByText("Drag an activity here from the palette to begin");
        await Assertions.Expect(hint).ToBeVisibleAsync();

        await DropAsync(page, "Event", 300, 60);
        await Assertions.Expect(hint).ToBeHiddenAsync();
        await Assertions.Expect(Property(page, "Name")).ToHaveValueAsync("Event");
        await Property(page, "Name").FillAsync("Ticket opened");
        await Property(page, "Event").SelectOptionAsync("Ticketing.TicketOpened");

        await DropAsync(page, "Send email", 300, 220);
        await Assertions.Expect(Property(page, "Name")).ToHaveValueAsync("Send email");
        await DropAsync(page, "Finish", 300, 380);
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(3);

        await ConnectAsync(page, "Ticket opened", "Done", "Send email");
        await ConnectAsync(page, "Send email", "Done", "Finish");
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(2);

        // The email has no recipient yet: the designer marks it before the server is asked.
        await Assertions.Expect(Activity(page, "Send email").Locator(".activity-marker")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("designer-problems")).ToContainTextAsync("Activity Send email (SendEmail1): the input \"To\" is required.");
        await Assertions.Expect(Activity(page, "Ticket opened").Locator(".activity-marker")).ToBeHiddenAsync();

        await Activity(page, "Send email").ClickAsync();
        await Property(page, "To").FillAsync(OnCall);
        await Property(page, "Subject").FillAsync("'New ticket ' + event.number");
        await page.GetByTestId("properties").GetByLabel("Subject: Value kind").SelectOptionAsync("JavaScript");

        // Saved without a body, the server refuses it and names the activity, whose marker stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("Activity Send email (SendEmail1): the input \"Body\" is required.");
        await Assertions.Expect(Activity(page, "Send email").Locator(".activity-marker")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("designer-status")).ToHaveTextAsync("Unsaved changes");

        await Activity(page, "Send email").ClickAsync();
        await Assertions.Expect(Property(page, "To")).ToHaveValueAsync(OnCall);
        await Property(page, "Body").FillAsync("A ticket has been opened.");
        await page.GetByTestId("canvas").ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
        await Assertions.Expect(Activity(page, "Send email").Locator(".activity-marker")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("designer-problems")).ToHaveTextAsync("No problem found.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("The workflow has been published.");
        await Assertions.Expect(page.GetByTestId("state")).ToContainTextAsync("published version");
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(2);

        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await Assertions.Expect(customer.Locator(".rich-text-body")).ToBeVisibleAsync();
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Server" });
        await customer.GetByLabel("Company").FillAsync("Garage Lefèvre");
        await customer.GetByLabel("Email").FillAsync("luc@lefevre.test");
        await customer.GetByLabel("Last and first name").FillAsync("Luc Lefèvre");
        await customer.GetByLabel("Phone").FillAsync("01 98 76 54 32");
        await customer.GetByLabel("Subject").FillAsync("The file server is down");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("Nobody can open the shared drive.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        Assert.Single(await new PickupMailbox(_host.Factory).WaitForAsync(OnCall, $"New ticket {number}"));
        await page.GotoAsync("/Staff/Admin/Workflows/Instances");
        var row = page.Locator("tbody tr", new() { HasText = "Notify on-call of new tickets" });
        await Assertions.Expect(row).ToContainTextAsync("Finished");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Admin_undoes_and_redoes_a_connection_arranges_the_diagram_and_edits_it_as_json()
    {
        var refused = new List<string>();
        var page = await NewWorkflowAsync("Escalation draft", refused);
        await Assertions.Expect(Activity(page, "Start")).ToBeVisibleAsync();

        // From the keyboard: Enter on a palette entry adds the activity below the others.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Activities" }).GetByRole(AriaRole.Button, new() { Name = "Delay", Exact = true }).PressAsync("Enter");
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(2);
        await Property(page, "Duration").FillAsync("04:00:00");
        await Property(page, "Name").FillAsync("Wait four hours");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Activities" }).ClickAsync();

        await ConnectAsync(page, "Start", "Done", "Wait four hours");
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+y");
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);

        // Side by side first, then arranged top to bottom.
        await Activity(page, "Wait four hours").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = 520, Y = 80 } });
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange automatically" }).ClickAsync();
        await Eventually.WaitForAsync(
            async () => ((await Activity(page, "Start").BoundingBoxAsync())!, (await Activity(page, "Wait four hours").BoundingBoxAsync())!),
            boxes => boxes.Item2.Y > boxes.Item1.Y + boxes.Item1.Height && Math.Abs(boxes.Item2.X + (boxes.Item2.Width / 2) - (boxes.Item1.X + (boxes.Item1.Width / 2))) < 2,
            "the delay centred below the start",
            TimeSpan.FromSeconds(5));

        // With nothing selected, the panel edits the workflow itself: its variables.
        await page.GetByTestId("canvas").ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
        var variables = page.GetByTestId("variables");
        await variables.GetByRole(AriaRole.Button, new() { Name = "Add a variable" }).ClickAsync();
        await variables.GetByLabel("Variable name").FillAsync("reminders");
        await variables.GetByLabel("Type (variable1)").SelectOptionAsync("Number");
        await variables.GetByLabel("Initial value (variable1)").FillAsync("0");

        await page.GetByRole(AriaRole.Button, new() { Name = "JSON view" }).ClickAsync();
        var json = page.GetByLabel("Definition (JSON)");
        await Assertions.Expect(json).ToBeVisibleAsync();
        var text = await json.InputValueAsync();
        Assert.Contains("\"Duration\": {", text, StringComparison.Ordinal);
        Assert.Contains("""
            "variables": [
              {
                "name": "reminders",
                "type": "Number",
                "value": "0"
              }
            ]
            """.Replace("\n", "\n  ", StringComparison.Ordinal), text, StringComparison.Ordinal);
        await json.FillAsync(text.Replace("Wait four hours", "Wait one working day", StringComparison.Ordinal).Replace("04:00:00", "08:00:00", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the JSON" }).ClickAsync();
        await Assertions.Expect(Activity(page, "Wait one working day")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("The workflow has been updated.");
        await Assertions.Expect(variables.GetByLabel("Variable name")).ToHaveValueAsync("reminders");
        await Activity(page, "Wait one working day").ClickAsync();
        await Assertions.Expect(Property(page, "Duration")).ToHaveValueAsync("08:00:00");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);

        // A Switch has an outcome port per case line, and Default; undoing the cases takes their ports away.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Activities" }).GetByRole(AriaRole.Button, new() { Name = "Switch", Exact = true }).PressAsync("Enter");
        await Property(page, "Cases").FillAsync("Critical: event.severity === 'Critical'\nHigh: event.priority === 'High'");
        await page.GetByTestId("canvas").ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
        var ports = Activity(page, "Switch").Locator(".x6-port-label");
        await Assertions.Expect(ports).ToHaveTextAsync(["Critical", "High", "Default"]);
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(ports).ToHaveTextAsync(["Default"]);
        await page.Keyboard.PressAsync("Control+y");
        await Assertions.Expect(ports).ToHaveTextAsync(["Critical", "High", "Default"]);

        // Without dragging: the panel's "Then" lists connect an outcome to the activity it leads to.
        await Activity(page, "Switch").ClickAsync();
        await Property(page, "After Critical").SelectOptionAsync(new SelectOptionValue { Label = "Wait one working day (Delay1)" });
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);
        await Assertions.Expect(Property(page, "After Critical")).ToHaveValueAsync("");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Undo_covers_the_workflow_name_and_the_inputs_and_a_copied_activity_is_pasted_as_a_new_one()
    {
        var refused = new List<string>();
        var page = await NewWorkflowAsync("First-reply reminder", refused);
        await Assertions.Expect(Activity(page, "Start")).ToBeVisibleAsync();
        var palette = page.GetByRole(AriaRole.Navigation, new() { Name = "Activities" });
        var undo = page.GetByRole(AriaRole.Button, new() { Name = "Undo" });
        var redo = page.GetByRole(AriaRole.Button, new() { Name = "Redo" });

        // The workflow's name, edited with nothing selected, is a step of the same history as the diagram.
        await Property(page, "Workflow name").FillAsync("Reminder before the first reply");
        await palette.ClickAsync();
        await undo.ClickAsync();
        await Assertions.Expect(Property(page, "Workflow name")).ToHaveValueAsync("First-reply reminder");
        await redo.ClickAsync();
        await Assertions.Expect(Property(page, "Workflow name")).ToHaveValueAsync("Reminder before the first reply");
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(Property(page, "Workflow name")).ToHaveValueAsync("First-reply reminder");

        // An input edited in the property panel, then undone: the panel shows the previous value.
        await palette.GetByRole(AriaRole.Button, new() { Name = "Delay", Exact = true }).PressAsync("Enter");
        await Property(page, "Duration").FillAsync("04:00:00");
        await palette.ClickAsync();
        await Property(page, "Duration").FillAsync("08:00:00");
        await palette.ClickAsync();
        await undo.ClickAsync();
        await Assertions.Expect(Property(page, "Duration")).ToHaveValueAsync("04:00:00");
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(2);

        // Copy and paste: a second Delay with its own id and name, the same inputs, beside the first; one undo step.
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(3);
        await Assertions.Expect(Activity(page, "Delay 2")).ToBeVisibleAsync();
        await Assertions.Expect(Property(page, "Name")).ToHaveValueAsync("Delay 2");
        await Assertions.Expect(Property(page, "Duration")).ToHaveValueAsync("04:00:00");
        await Assertions.Expect(page.GetByTestId("properties")).ToContainTextAsync("Identifier: Delay2");
        var original = (await Activity(page, "Delay").First.BoundingBoxAsync())!;
        var copy = (await Activity(page, "Delay 2").BoundingBoxAsync())!;
        Assert.True(copy.X > original.X && copy.Y > original.Y, $"The copy at ({copy.X}, {copy.Y}) should be offset from the original at ({original.X}, {original.Y}).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Paste" }).ClickAsync();
        await Assertions.Expect(Activity(page, "Delay 3")).ToBeVisibleAsync();
        await undo.ClickAsync();
        await undo.ClickAsync();
        await Assertions.Expect(page.Locator(".x6-node")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "JSON view" }).ClickAsync();
        var json = await page.GetByLabel("Definition (JSON)").InputValueAsync();
        Assert.Contains("\"name\": \"First-reply reminder\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"04:00:00\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Delay2", json, StringComparison.Ordinal);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Without_javascript_the_definition_page_is_a_json_editor_that_saves()
    {
        await using var context = await _host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = _host.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff/Admin/Workflows");
        await page.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("create").GetByLabel("Name").FillAsync("Plain JSON");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("designer")).ToHaveCountAsync(0);
        var json = page.GetByLabel("Definition (JSON)");
        await Assertions.Expect(json).ToBeVisibleAsync();
        var text = await json.InputValueAsync();
        Assert.Contains("\"type\": \"Start\"", text, StringComparison.Ordinal);
        await json.FillAsync(text.Replace("\"name\": \"Plain JSON\"", "\"name\": \"Plain JSON, renamed\"", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("The workflow has been updated.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plain JSON, renamed");
    }
}
