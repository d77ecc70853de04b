using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

/// <summary>The phone plugin, loaded by the host from its folder: an agent logs a critical call from the console.</summary>
public sealed class PhoneJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public PhoneJourneyTests(BrowserHost host) => _host = host;

    [Fact]
    public async Task Agent_logs_a_critical_call_which_opens_a_ticket_under_the_critical_sla_with_its_time()
    {
        var refused = new List<string>();
        var agent = await _host.NewPageAsync();
        agent.Console += (_, message) =>
        {
            // The browser's own request for /favicon.ico (the product has none) is not the page's.
            if (message.Type == "error" && !message.Location.StartsWith(_host.BaseUrl + "/favicon.ico", StringComparison.Ordinal))
            {
                refused.Add(message.Text + " " + message.Location);
            }
        };
        agent.PageError += (_, error) => refused.Add(error);
        await agent.GotoAsync("/Staff");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = "Phone calls" }).ClickAsync();

        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Log a phone call" })).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByLabel("Inbound")).ToBeCheckedAsync();
        await Assertions.Expect(agent.GetByLabel("Started")).Not.ToHaveValueAsync("");
        await agent.GetByLabel("Caller", new() { Exact = true }).FillAsync("Claire Fontaine");
        await agent.GetByLabel("Company").FillAsync("Fontaine Logistique");
        await agent.GetByLabel("Number").FillAsync("04 72 00 11 22");
        await agent.GetByLabel("Subject (new ticket)").FillAsync("Warehouse scanners cannot reach the server");
        await agent.GetByLabel("Duration (minutes)").FillAsync("9");
        await agent.GetByLabel("Severity").SelectOptionAsync(new SelectOptionValue { Label = "Critical" });
        await agent.GetByLabel("Notes").FillAsync("Every scanner shows 'server unreachable' since 14:05; shipping is stopped.");

        // Without the caller's email no ticket can be opened: the form says so and keeps what was typed.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Log the call" }).ClickAsync();
        await Assertions.Expect(agent.GetByText("The caller's email is required to open a ticket").First).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByLabel("Caller", new() { Exact = true })).ToHaveValueAsync("Claire Fontaine");

        await agent.GetByLabel("Caller's email").FillAsync("claire@fontaine-logistique.test");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Log the call" }).ClickAsync();
        var logged = agent.GetByTestId("call-logged");
        await Assertions.Expect(logged).ToContainTextAsync("opened, 9 min recorded.");

        await logged.GetByRole(AriaRole.Link, new() { Name = "View the ticket" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("subject")).ToHaveTextAsync("Warehouse scanners cannot reach the server");
        await Assertions.Expect(agent.GetByTestId("severity")).ToHaveTextAsync("Severity: Critical");
        // The Critical policy: the first response is due within the hour, whatever the day and time.
        // (The shipped policy's name is data an admin can edit, in French.)
        await Assertions.Expect(agent.GetByTestId("sla")).ToContainTextAsync("SLA · Critique");
        await Assertions.Expect(agent.GetByTestId("sla-first")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@" · (1 h 00|\d{1,2}) min left"));
        await Assertions.Expect(agent.GetByTestId("time-entries")).ToContainTextAsync("9 min");
        await Assertions.Expect(agent.GetByTestId("time-entries")).ToContainTextAsync("Inbound call from Claire Fontaine (04 72 00 11 22)");
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}
