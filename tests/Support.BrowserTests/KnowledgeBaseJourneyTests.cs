using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

public sealed partial class KnowledgeBaseJourneyTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public KnowledgeBaseJourneyTests(BrowserHost host) => _host = host;

    private static Task EditorReadyAsync(IPage page) => Assertions.Expect(page.Locator(".rich-text-body").First).ToBeVisibleAsync();

    [Fact]
    public async Task Agent_writes_and_publishes_an_article_that_customers_then_read_on_the_portal()
    {
        var agent = await SignedInAgentAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = "Knowledge base" }).First.ClickAsync();
        await agent.GetByTestId("new-article").ClickAsync();
        await EditorReadyAsync(agent);
        await agent.GetByLabel("Title").FillAsync("Outlook asks for the password again and again");
        await agent.GetByLabel("Summary").FillAsync("When Outlook keeps prompting for the mailbox password.");
        await agent.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Mailbox" });
        await agent.GetByLabel("Tags").FillAsync("outlook, password");
        var body = agent.GetByRole(AriaRole.Textbox, new() { Name = "Procedure" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("Open the Credential Manager and remove the entries named ");
        await agent.Keyboard.PressAsync("Control+b");
        await body.PressSequentiallyAsync("MicrosoftOffice");
        await agent.Keyboard.PressAsync("Control+b");
        await body.PressSequentiallyAsync(", then restart Outlook.");
        await agent.GetByTestId("save-draft").ClickAsync();

        await Assertions.Expect(agent.GetByTestId("notice")).ToHaveTextAsync("The draft has been saved.");
        await Assertions.Expect(agent.GetByTestId("status").First).ToHaveTextAsync("Draft");
        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/kb");
        await Assertions.Expect(customer.GetByText("Outlook asks for the password again and again")).ToHaveCountAsync(0);

        await EditorReadyAsync(agent);
        await agent.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notice")).ToHaveTextAsync("The article has been published.");
        await Assertions.Expect(agent.GetByTestId("revision")).ToHaveCountAsync(2);

        await customer.GotoAsync("/");
        await customer.GetByRole(AriaRole.Link, new() { Name = "Knowledge base" }).ClickAsync();
        var category = customer.GetByTestId("kb-category").Filter(new() { HasText = "Mailbox" });
        await category.GetByRole(AriaRole.Link, new() { Name = "Outlook asks for the password again and again" }).ClickAsync();
        await Assertions.Expect(customer.GetByTestId("kb-article-title")).ToHaveTextAsync("Outlook asks for the password again and again");
        await Assertions.Expect(customer.GetByTestId("kb-article-body").Locator("strong")).ToHaveTextAsync("MicrosoftOffice");

        await customer.GetByRole(AriaRole.Link, new() { Name = "Mailbox" }).ClickAsync();
        await customer.GetByLabel("Search the knowledge base").FillAsync("credential manag");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(customer.GetByTestId("kb-result")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.GetByTestId("kb-result").Locator("mark").First).ToHaveTextAsync("Credential");
    }

    [Fact]
    public async Task Suggestions_appear_while_the_customer_types_the_subject_and_an_opened_one_is_remembered()
    {
        var agent = await SignedInAgentAsync();
        await agent.GotoAsync("/Staff/KnowledgeBase/Articles/Edit");
        await EditorReadyAsync(agent);
        await agent.GetByLabel("Title").FillAsync("Printer offline: restart the print spooler");
        await agent.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Printer" });
        await agent.Locator("#Input_Language").SelectOptionAsync("en");
        var body = agent.GetByRole(AriaRole.Textbox, new() { Name = "Procedure" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("Open Services, find Print Spooler and click Restart.");
        await agent.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notice")).ToHaveTextAsync("The article has been published.");

        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await EditorReadyAsync(customer);
        var suggestions = customer.GetByTestId("kb-suggestions");
        await Assertions.Expect(suggestions).ToBeHiddenAsync();
        await customer.GetByLabel("Subject").PressSequentiallyAsync("my printer is offl", new() { Delay = 30 });

        var suggestion = suggestions.GetByRole(AriaRole.Link, new() { Name = "Printer offline: restart the print spooler" });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        var article = await customer.RunAndWaitForPopupAsync(() => suggestion.ClickAsync());
        await Assertions.Expect(article.GetByTestId("kb-article-title")).ToHaveTextAsync("Printer offline: restart the print spooler");
        await Assertions.Expect(customer.Locator("[data-kb-openings]")).ToHaveValueAsync(Opening());

        // Typing something else replaces the suggestions without reloading the form.
        await customer.GetByLabel("Subject").FillAsync("my keyboard is broken");
        await Assertions.Expect(suggestions).ToBeHiddenAsync();
        Assert.Equal(_host.BaseUrl + "/tickets/new", customer.Url);
    }

    [Fact]
    public async Task Agent_inserts_a_link_to_an_article_into_a_reply_from_the_ticket_page()
    {
        var agent = await SignedInAgentAsync();
        await agent.GotoAsync("/Staff/KnowledgeBase/Articles/Edit");
        await EditorReadyAsync(agent);
        await agent.GetByLabel("Title").FillAsync("Reset a forgotten Windows password");
        await agent.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Workstation" });
        await agent.Locator("#Input_Language").SelectOptionAsync("en");
        var body = agent.GetByRole(AriaRole.Textbox, new() { Name = "Procedure" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("Use the self-service reset page from the sign-in screen.");
        await agent.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notice")).ToHaveTextAsync("The article has been published.");
        var articleUrl = _host.BaseUrl + "/kb/articles/" + Regex.Match(agent.Url, @"id=(\d+)").Groups[1].Value;

        var customer = await _host.NewPageAsync();
        await customer.GotoAsync("/tickets/new");
        await EditorReadyAsync(customer);
        await customer.GetByLabel("Help topic").SelectOptionAsync(new SelectOptionValue { Label = "Workstation" });
        await customer.GetByLabel("Company").FillAsync("Acme Industries");
        await customer.GetByLabel("Email").FillAsync("lea@acme.test");
        await customer.GetByLabel("Last and first name").FillAsync("Léa Petit");
        await customer.GetByLabel("Phone").FillAsync("01 23 45 67 89");
        await customer.GetByLabel("Subject").FillAsync("Locked out of my PC");
        await customer.GetByRole(AriaRole.Textbox, new() { Name = "Detail" }).FillAsync("I forgot my session password.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var number = (await customer.GetByTestId("ticket-number").TextContentAsync())!.Trim();

        await agent.GotoAsync($"/Staff/Tickets/{number}");
        await EditorReadyAsync(agent);
        var panel = agent.GetByTestId("kb-panel");
        await panel.GetByLabel("Search the knowledge base").FillAsync("forgotten password");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Insert link" }).First.ClickAsync();
        var message = agent.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await Assertions.Expect(message.Locator("a")).ToHaveAttributeAsync("href", articleUrl);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(agent.GetByTestId("notice")).ToHaveTextAsync("Your reply has been sent to the customer.");
        await Assertions.Expect(agent.GetByTestId("thread-entry").Last.Locator($"a[href='{articleUrl}']")).ToHaveTextAsync("Reset a forgotten Windows password");
    }

    private async Task<IPage> SignedInAgentAsync()
    {
        var agent = await _host.NewPageAsync();
        await agent.GotoAsync("/Staff");
        await agent.GetByLabel("Email").FillAsync(SupportHostFactory.AdminEmail);
        await agent.GetByLabel("Password").FillAsync(SupportHostFactory.AdminPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Knowledge base" }).First).ToBeVisibleAsync();
        return agent;
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Opening();
}
