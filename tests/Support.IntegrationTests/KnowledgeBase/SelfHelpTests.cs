using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using Support.IntegrationTests.Ticketing;
using static Support.IntegrationTests.KnowledgeBase.KnowledgeBaseScenario;

namespace Support.IntegrationTests.KnowledgeBase;

public sealed class SelfHelpTests
{
    [Fact]
    public async Task The_new_ticket_form_suggests_public_articles_matching_what_the_customer_types()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        await PublishAsync(agent, printer, "Imprimante hors-connexion", "<p>Redémarrez le spouleur.</p>", f => f["Input.Summary"] = "Quand Windows affiche « hors connexion ».");
        await PublishAsync(agent, printer, "Imprimante : code administrateur", "<p>Interne.</p>", f => f["Input.Visibility"] = "Internal");

        var form = await customer.GetStringAsync("/tickets/new");
        Assert.Contains("data-kb-suggestions", form, StringComparison.Ordinal);
        Assert.Contains("Ces articles peuvent résoudre votre problème tout de suite :", form, StringComparison.Ordinal);

        var suggestions = await SuggestionsAsync(customer, "mon imprimante est hors connexion");
        var suggestion = Assert.Single(suggestions);
        Assert.Equal("Imprimante hors-connexion", suggestion.GetProperty("title").GetString());
        Assert.Equal("Quand Windows affiche « hors connexion ».", suggestion.GetProperty("summary").GetString());
        Assert.Matches(@"^/kb/articles/\d+$", suggestion.GetProperty("url").GetString());
        Assert.Empty(await SuggestionsAsync(customer, "im"));
        Assert.Empty(await SuggestionsAsync(customer, "scanner"));
    }

    [Fact]
    public async Task A_suggested_article_opened_without_a_ticket_within_the_hour_counts_as_a_deflection_for_agents()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = new SupportHostFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        using var agent = await StaffSession.SignInAsync(host);
        var printer = await CategoryAsync(host, "printer");
        var id = await PublishAsync(agent, printer, "Imprimante hors-connexion", "<p>Redémarrez le spouleur.</p>");

        // Two customers open the suggestion; the second still opens a ticket, the first does not.
        var solved = Guid.NewGuid();
        var notSolved = Guid.NewGuid();
        using (var first = StaffSession.Anonymous(host))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/kb/articles/{id}?opening={solved}")).StatusCode);
        }

        using (var second = StaffSession.Anonymous(host))
        {
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/kb/articles/{id}?opening={notSolved}")).StatusCode);
            var created = await TicketingScenario.SubmitNewTicketAsync(second, TicketingScenario.NewTicketForm(f => f["SuggestionOpenings"] = notSolved.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        // Within the hour nothing is counted yet: the customer may still come back and open a ticket.
        Assert.Contains("Tickets évités 0", Flat(await agent.GetStringAsync($"{EditPage}?id={id}")), StringComparison.Ordinal);
        clock.Set(clock.UtcNow.AddMinutes(61));
        Assert.Contains("Consultations 2", Flat(await agent.GetStringAsync($"{EditPage}?id={id}")), StringComparison.Ordinal);
        Assert.Contains("Tickets évités 1", Flat(await agent.GetStringAsync($"{EditPage}?id={id}")), StringComparison.Ordinal);
        var list = await agent.GetStringAsync("/Staff/KnowledgeBase");
        Assert.Contains("data-testid=\"deflections\">1<", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_say_whether_an_article_helped_once_each_and_agents_see_the_counts_and_views()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var printer = await CategoryAsync(host, "printer");
        var id = await PublishAsync(agent, printer, "Imprimante hors-connexion", "<p>Redémarrez le spouleur.</p>");

        using (var pleased = StaffSession.Anonymous(host))
        {
            Assert.Contains("Cet article vous a-t-il été utile ?", Text(await pleased.GetStringAsync($"/kb/articles/{id}")), StringComparison.Ordinal);
            var vote = await pleased.SubmitAsync($"/kb/articles/{id}", new Dictionary<string, string> { ["helpful"] = "true" }, action: $"/kb/articles/{id}?handler=Feedback");
            Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
            Assert.Contains("Merci pour votre avis.", Text(await pleased.GetStringAsync($"/kb/articles/{id}")), StringComparison.Ordinal);
            // A second vote from the same browser is not counted.
            await pleased.SubmitAsync($"/kb/articles/{id}", new Dictionary<string, string> { ["helpful"] = "true" }, action: $"/kb/articles/{id}?handler=Feedback");
        }

        using (var disappointed = StaffSession.Anonymous(host))
        {
            await disappointed.SubmitAsync($"/kb/articles/{id}", new Dictionary<string, string> { ["helpful"] = "false" }, action: $"/kb/articles/{id}?handler=Feedback");
        }

        var stats = Flat(await agent.GetStringAsync($"{EditPage}?id={id}"));
        Assert.Contains("Consultations 5 Utile : oui 1 Utile : non 1", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_searches_the_knowledge_base_from_a_ticket_and_drafts_an_internal_article_from_its_thread()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var printer = await CategoryAsync(host, "printer");
        await PublishAsync(agent, printer, "Imprimante hors-connexion", "<p>Redémarrez le spouleur.</p>");
        await PublishAsync(agent, printer, "Imprimante : code administrateur", "<p>Interne.</p>", f => f["Input.Visibility"] = "Internal");
        var number = await TicketingScenario.OpenTicketAsync(host);
        await AgentScenario.ReplyAsync(agent, number, "<p>Redémarrez le service <em>Spouleur d'impression</em>.</p>");
        await AgentScenario.ReplyAsync(agent, number, "<p>Note : client sous contrat.</p>", internalNote: true);

        var ticketPage = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        Assert.Contains("data-kb-search", ticketPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Staff/KnowledgeBase/Articles/Edit?ticket={number}\"", ticketPage, StringComparison.Ordinal);

        using var found = JsonDocument.Parse(await agent.GetStringAsync($"/Staff/Tickets/{number}?handler=KnowledgeBase&q=imprimante"));
        var articles = found.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, articles.Count);
        var publicArticle = articles.Single(a => a.GetProperty("title").GetString() == "Imprimante hors-connexion");
        Assert.True(publicArticle.GetProperty("isPublic").GetBoolean());
        Assert.Matches(@"^/kb/articles/\d+$", publicArticle.GetProperty("url").GetString());
        Assert.False(articles.Single(a => a.GetProperty("title").GetString() == "Imprimante : code administrateur").GetProperty("isPublic").GetBoolean());

        var draft = await agent.GetStringAsync($"/Staff/KnowledgeBase/Articles/Edit?ticket={number}");
        var text = Flat(draft);
        Assert.Contains($"Rédigé à partir du ticket n° {number}", text, StringComparison.Ordinal);
        Assert.Contains("value=\"L'imprimante du 2e étage n'imprime plus\"", WebUtility.HtmlDecode(draft), StringComparison.Ordinal);
        Assert.Contains("HP LaserJet", text, StringComparison.Ordinal);
        Assert.Contains("Spouleur d'impression", text, StringComparison.Ordinal);
        Assert.DoesNotContain("client sous contrat", text, StringComparison.Ordinal);
        Assert.Contains("id=\"visibility-internal\" value=\"Internal\" checked=\"checked\"", draft, StringComparison.Ordinal);

        // Saved, the draft remembers its ticket.
        var form = ArticleForm(printer, "Imprimante du 2e étage", "<p>Redémarrez le service Spouleur d'impression.</p>", f => { f["Input.Status"] = "Draft"; f["Input.Visibility"] = "Internal"; f["Input.SourceTicketNumber"] = number; });
        var id = await SaveArticleAsync(agent, form);
        Assert.Contains($"href=\"/Staff/Tickets/{number}\"", await agent.GetStringAsync($"{EditPage}?id={id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/Staff/KnowledgeBase/Articles/Edit?ticket=999999")).StatusCode);
    }

    [Fact]
    public async Task With_the_knowledge_base_switched_off_the_ticket_pages_work_without_it()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Modules:KnowledgeBase:Enabled"] = "false" });
        using var customer = StaffSession.Anonymous(host);
        using var agent = await StaffSession.SignInAsync(host);

        var form = await customer.GetStringAsync("/tickets/new");
        Assert.DoesNotContain("data-kb-suggestions", form, StringComparison.Ordinal);
        Assert.Equal("[]", await customer.GetStringAsync("/tickets/new?handler=Suggestions&q=imprimante"));
        var number = await TicketingScenario.OpenTicketAsync(host, f => f["SuggestionOpenings"] = Guid.NewGuid().ToString());
        var ticketPage = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        Assert.DoesNotContain("data-kb-search", ticketPage, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/kb\"", await customer.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/kb")).StatusCode);
    }

    private static async Task<List<JsonElement>> SuggestionsAsync(StaffSession customer, string text)
    {
        using var json = JsonDocument.Parse(await customer.GetStringAsync("/tickets/new?handler=Suggestions&q=" + Uri.EscapeDataString(text)));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
