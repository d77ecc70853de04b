using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed class IncidentBrowserTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public IncidentBrowserTests(BrowserHost host) => _host = host;

    [Fact]
    public async Task Agent_declares_an_incident_sends_the_first_notification_and_publishes_an_update_on_the_status_page()
    {
        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await Assertions.Expect(customer.Locator(".rich-text-body")).ToBeVisibleAsync();
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Mailbox" });
        await customer.GetByLabel("Company").FillAsync("Cabinet Lefèvre");
        await customer.GetByLabel("Email").FillAsync("claire@lefevre.test");
        await customer.GetByLabel("Last and first name").FillAsync("Claire Lefèvre");
        await customer.GetByLabel("Phone").FillAsync("01 22 33 44 55");
        await customer.GetByLabel("Subject").FillAsync("No email since this morning");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("Outlook cannot connect.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        var refused = new List<string>();
        var agent = await _host.NewPageAsync();
        agent.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };
        agent.PageError += (_, error) => refused.Add(error);
        await agent.GotoAsync("/Staff/Incidents");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await agent.GetByRole(AriaRole.Link, new() { Name = "Declare a major incident" }).ClickAsync();
        await agent.GetByLabel("Title").FillAsync("Mail service outage");
        await agent.GetByLabel("Description").FillAsync("The mail servers stopped answering at 9:10.");
        await agent.GetByLabel("Affected services").FillAsync("Email");
        await agent.GetByLabel("Impact", new() { Exact = true }).FillAsync("No email can be sent or received.");
        await agent.GetByLabel("Severity").SelectOptionAsync(new SelectOptionValue { Label = "Critical" });
        await agent.GetByLabel("From ticket (optional)").FillAsync(number);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Declare", Exact = true }).ClickAsync();

        await Assertions.Expect(agent.GetByTestId("incident-title")).ToHaveTextAsync("Mail service outage");
        await Assertions.Expect(agent.GetByTestId("linked-tickets")).ToContainTextAsync(number);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Impact determined" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notification-status")).ToContainTextAsync("notify the impacted customers in writing by");

        await agent.GetByRole(AriaRole.Link, new() { Name = "Write a notification" }).ClickAsync();
        await agent.GetByLabel("Template language").SelectOptionAsync(new SelectOptionValue { Label = "English" });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Use this template" }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel("Subject")).ToHaveValueAsync("Incident in progress: Mail service outage");
        await Assertions.Expect(agent.GetByTestId("recipients")).ToContainTextAsync("claire@lefevre.test");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send to 1 recipients" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notifications")).ToContainTextAsync("[INC-");
        await Assertions.Expect(agent.GetByTestId("notification-status")).ToContainTextAsync("customers first notified at");

        await agent.GetByLabel("Public update").FillAsync("We are investigating an outage of the mail service.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Publish on the status page" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("timeline")).ToContainTextAsync("Published on the status page");

        var visitor = await _host.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Service status" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("current-incidents")).ToContainTextAsync("We are investigating an outage of the mail service.");
        await Assertions.Expect(visitor.GetByTestId("history")).ToContainTextAsync("Disrupted");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Agent_opens_the_rca_report_of_a_resolved_incident_prints_it_without_the_toolbar_and_downloads_the_pdf()
    {
        var agent = await _host.NewPageAsync();
        await agent.GotoAsync("/Staff/Incidents");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await agent.GetByRole(AriaRole.Link, new() { Name = "Declare a major incident" }).ClickAsync();
        await agent.GetByLabel("Title").FillAsync("Panne de l'annuaire LDAP");
        await agent.GetByLabel("Description").FillAsync("Authentication failed for every application from 14:02.");
        await agent.GetByLabel("Affected services").FillAsync("Directory");
        await agent.GetByLabel("Impact", new() { Exact = true }).FillAsync("Nobody could sign in.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Declare", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("incident-title")).ToHaveTextAsync("Panne de l'annuaire LDAP");

        await agent.GetByTestId("state-form").Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Resolved" });
        await agent.GetByTestId("state-form").GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("incident-state")).ToHaveTextAsync("Resolved");

        await agent.GetByRole(AriaRole.Link, new() { Name = "Post-mortem", Exact = true }).ClickAsync();
        await agent.GetByLabel("Root causes").FillAsync("An expired certificate on the directory servers.");
        await agent.GetByLabel("Contributing factors").FillAsync("No alert on certificate expiry.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save the post-mortem" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");

        await agent.GetByRole(AriaRole.Link, new() { Name = "Panne de l'annuaire LDAP" }).ClickAsync();
        await agent.GetByTestId("rca-link").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("rca-title")).ToContainTextAsync("Panne de l'annuaire LDAP");
        await Assertions.Expect(agent.GetByTestId("rca-causes")).ToContainTextAsync("An expired certificate on the directory servers.");
        await Assertions.Expect(agent.GetByTestId("rca-toolbar")).ToBeVisibleAsync();
        await agent.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(agent.GetByTestId("rca-toolbar")).ToBeHiddenAsync();
        await Assertions.Expect(agent.GetByTestId("rca-report")).ToBeVisibleAsync();
        await agent.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await agent.RunAndWaitForDownloadAsync(() => agent.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" }).ClickAsync());
        Assert.Matches(@"^RCA-INC-\d{4}\.pdf$", download.SuggestedFilename);
        var path = Path.Combine(_host.Factory.DataFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Panne de l'annuaire LDAP", text, StringComparison.Ordinal);
        Assert.Contains("An expired certificate on the directory servers.", text, StringComparison.Ordinal);
    }
}
