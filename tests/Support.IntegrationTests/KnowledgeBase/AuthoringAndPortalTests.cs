using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using static Support.IntegrationTests.KnowledgeBase.KnowledgeBaseScenario;

namespace Support.IntegrationTests.KnowledgeBase;

public sealed class AuthoringAndPortalTests
{
    [Fact]
    public async Task A_new_installation_offers_the_help_topics_as_categories_and_a_portal_tab()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);

        var categories = Text(await agent.GetStringAsync("/Staff/KnowledgeBase/Categories"));
        foreach (var topic in new[] { "Boîte mail", "Imprimante", "Internet", "Poste de travail", "Serveur", "Téléphonie", "Autre" })
        {
            Assert.Contains(topic, categories, StringComparison.Ordinal);
        }

        var home = await customer.GetStringAsync("/");
        Assert.Contains("<a class=\"nav-link \" href=\"/kb\">Base de connaissances</a>", home, StringComparison.Ordinal);
        Assert.Contains("Aucun article n'a encore été publié.", Text(await customer.GetStringAsync("/kb")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_see_published_public_articles_only_never_drafts_or_internal_ones()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");

        var published = await PublishAsync(agent, printer, "Imprimante hors connexion", "<p>Redémarrez l'imprimante puis le spouleur.</p>");
        var draft = await PublishAsync(agent, printer, "Imprimante : bourrage papier", "<p>Ouvrez le capot de l'imprimante.</p>", f => f["Input.Status"] = "Draft");
        var internalArticle = await PublishAsync(agent, printer, "Imprimante : mot de passe du serveur d'impression", "<p>Le compte admin de l'imprimante.</p>", f => f["Input.Visibility"] = "Internal");

        var home = Text(await customer.GetStringAsync("/kb"));
        Assert.Contains("Imprimante hors connexion", home, StringComparison.Ordinal);
        Assert.DoesNotContain("bourrage", home, StringComparison.Ordinal);
        Assert.DoesNotContain("mot de passe", home, StringComparison.Ordinal);
        var category = Text(await customer.GetStringAsync($"/kb/categories/{printer}"));
        Assert.Contains("Imprimante hors connexion", category, StringComparison.Ordinal);
        Assert.DoesNotContain("bourrage", category, StringComparison.Ordinal);

        Assert.Contains("Redémarrez l'imprimante puis le spouleur.", Text(await customer.GetStringAsync($"/kb/articles/{published}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/kb/articles/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/kb/articles/{internalArticle}")).StatusCode);
        Assert.Equal(["Imprimante hors connexion"], await SearchTitlesAsync(customer, "imprimante"));

        // Agents see all three in their list, with their status and visibility.
        var list = Flat(await agent.GetStringAsync("/Staff/KnowledgeBase"));
        Assert.Contains("Imprimante : bourrage papier fr Imprimante Brouillon Public", list, StringComparison.Ordinal);
        Assert.Contains("Imprimante : mot de passe du serveur d'impression fr Imprimante Publié Interne", list, StringComparison.Ordinal);

        // Unpublishing takes an article off the portal at once.
        await SaveArticleAsync(agent, ArticleForm(printer, "Imprimante hors connexion", "<p>Redémarrez l'imprimante puis le spouleur.</p>", f => f["Input.Status"] = "Draft"), published);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/kb/articles/{published}")).StatusCode);
        Assert.Empty(await SearchTitlesAsync(customer, "imprimante"));
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_matches_prefixes_and_marks_the_matched_words()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        var mail = await CategoryAsync(host, "mailbox");
        await PublishAsync(agent, printer, "Imprimante hors-connexion", "<p>Vérifiez le câble réseau de l'imprimante.</p>");
        await PublishAsync(agent, mail, "Réinitialiser son mot de passe Outlook", "<p>Depuis l'écran de connexion.</p>");

        Assert.Equal(["Imprimante hors-connexion"], await SearchTitlesAsync(customer, "imprimante hors connexion"));
        Assert.Equal(["Imprimante hors-connexion"], await SearchTitlesAsync(customer, "IMPRIMANTE HORS CONNEXION"));
        Assert.Equal(["Imprimante hors-connexion"], await SearchTitlesAsync(customer, "impri"));
        Assert.Equal(["Imprimante hors-connexion"], await SearchTitlesAsync(customer, "cable reseau"));
        Assert.Equal(["Réinitialiser son mot de passe Outlook"], await SearchTitlesAsync(customer, "reinitialiser"));
        Assert.Equal(["Réinitialiser son mot de passe Outlook"], await SearchTitlesAsync(customer, "ÉCRAN"));

        var page = await customer.GetStringAsync("/kb/search?q=imprimante+hors+connexion");
        Assert.Contains("<mark>Imprimante</mark> <mark>hors</mark>-<mark>connexion</mark>", page, StringComparison.Ordinal);
        Assert.Contains("1 article(s) pour « imprimante hors connexion ».", Text(page), StringComparison.Ordinal);
        Assert.Contains("Aucun article ne correspond à « scanner ».", Text(await customer.GetStringAsync("/kb/search?q=scanner")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ranks_a_match_in_the_title_above_the_summary_above_the_body_and_prefers_the_visitors_language()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var french = StaffSession.Anonymous(host, "fr");
        using var english = StaffSession.Anonymous(host, "en");
        var internet = await CategoryAsync(host, "internet");
        await PublishAsync(agent, internet, "Accès distant depuis la maison", "<p>Installez le client puis connectez-vous au VPN avec votre compte.</p>");
        await PublishAsync(agent, internet, "Configurer le VPN sur un portable", "<p>Installez le client puis connectez-vous avec votre compte habituel.</p>");
        await PublishAsync(agent, internet, "Travailler en déplacement", "<p>Installez le client puis connectez-vous avec votre compte habituel.</p>", f => f["Input.Summary"] = "Le VPN hors du bureau");
        await PublishAsync(agent, internet, "VPN setup on a laptop", "<p>Install the client then sign in with your usual account.</p>", f => f["Input.Language"] = "en");

        Assert.Equal(
            ["Configurer le VPN sur un portable", "Travailler en déplacement", "Accès distant depuis la maison", "VPN setup on a laptop"],
            await SearchTitlesAsync(french, "vpn"));
        Assert.Equal("VPN setup on a laptop", (await SearchTitlesAsync(english, "vpn"))[0]);

        // An article only in the other language is still offered, marked with its language.
        var englishOnly = await english.GetStringAsync("/kb/search?q=vpn");
        Assert.Contains("<span class=\"badge text-bg-light border\" lang=\"fr\">Français</span>", englishOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_leaves_out_a_word_found_in_most_articles_when_a_rarer_word_remains_and_still_ranks_title_summary_body()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        // "imprimante" is in five articles of six: BM25 gives it no weight, so it is not searched when "spouleur" (three of six) remains.
        await PublishAsync(agent, printer, "Imprimante partagée", "<p>Ajoutez l'imprimante depuis les paramètres.</p>");
        await PublishAsync(agent, printer, "Service d'impression lent", "<p>Le spouleur ne répond plus : redémarrez-le.</p>");
        await PublishAsync(agent, printer, "Imprimante : bourrage papier", "<p>Ouvrez le capot de l'imprimante.</p>");
        await PublishAsync(agent, printer, "Imprimante en réseau", "<p>Installez l'imprimante par son adresse.</p>", f => f["Input.Summary"] = "Vider le spouleur d'impression");
        await PublishAsync(agent, printer, "Imprimante : redémarrer le spouleur", "<p>Arrêtez l'imprimante, puis le service.</p>");
        await PublishAsync(agent, printer, "Imprimante : changer le toner", "<p>Le toner de l'imprimante se change capot ouvert.</p>");

        Assert.Equal(
            ["Imprimante : redémarrer le spouleur", "Imprimante en réseau", "Service d'impression lent"],
            await SearchTitlesAsync(customer, "imprimante spouleur"));
        // Every word typed is still marked, the one left out of the search too.
        var page = await customer.GetStringAsync("/kb/search?q=imprimante+spouleur");
        Assert.Contains("<mark>Imprimante</mark> : ", page, StringComparison.Ordinal);
        Assert.Contains(" le <mark>spouleur</mark>", page, StringComparison.Ordinal);
        // Alone, a common word is searched: all its articles.
        Assert.Equal(5, (await SearchTitlesAsync(customer, "imprimante")).Count);
        // When no article has the rare word, the search falls back to any word.
        Assert.Equal(5, (await SearchTitlesAsync(customer, "imprimante capsule")).Count);

        // Newly published articles are found by the same search at once (what the search keeps in memory is for one state of the articles).
        await PublishAsync(agent, printer, "Spouleur bloqué", "<p>Relancez le service.</p>");
        await PublishAsync(agent, printer, "Imprimante : niveau d'encre", "<p>L'imprimante affiche ses niveaux.</p>");
        Assert.Equal(
            ["Spouleur bloqué", "Imprimante : redémarrer le spouleur", "Imprimante en réseau", "Service d'impression lent"],
            await SearchTitlesAsync(customer, "imprimante spouleur"));
    }

    [Fact]
    public async Task A_prefix_beginning_many_words_of_the_index_still_finds_every_article_with_one_of_them()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        // Twenty words beginning "modele": more than the search writes out as terms, so FTS5 searches the prefix itself.
        var models = string.Join(" ", Enumerable.Range(1, 20).Select(n => $"modèle{n:00}"));
        await PublishAsync(agent, printer, "Pilotes par modèle", $"<p>{models}</p>");
        await PublishAsync(agent, printer, "Imprimante du service comptable", "<p>Le modèle19 est au deuxième étage.</p>");
        await PublishAsync(agent, printer, "Changer le toner", "<p>Ouvrez le capot.</p>");

        Assert.Equal(["Pilotes par modèle", "Imprimante du service comptable"], await SearchTitlesAsync(customer, "modele"));
        Assert.Equal(["Pilotes par modèle", "Imprimante du service comptable"], await SearchTitlesAsync(customer, "MODÈLE"));
        Assert.Equal(["Imprimante du service comptable"], await SearchTitlesAsync(customer, "modele19 deuxieme"));
        var page = WebUtility.HtmlDecode(await customer.GetStringAsync("/kb/search?q=modele19+deuxieme"));
        Assert.Contains("Le <mark>modèle19</mark> est au <mark>deuxième</mark> étage", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_body_is_sanitised_before_anyone_reads_it()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        var id = await PublishAsync(agent, printer, "Pilote d'imprimante", """
            <p onclick="steal()">Téléchargez le <strong>pilote</strong> <a href="javascript:alert(1)">ici</a>.</p>
            <script>alert('xss')</script><img src="x" onerror="alert(2)"><iframe src="https://evil.test/"></iframe>
            <p style="position:fixed">Puis redémarrez.</p>
            """);

        var page = await customer.GetStringAsync($"/kb/articles/{id}");
        var start = page.IndexOf("data-testid=\"kb-article-body\"", StringComparison.Ordinal);
        var body = page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
        Assert.Contains("<strong>pilote</strong>", body, StringComparison.Ordinal);
        Assert.Contains("Puis redémarrez.", Text(body), StringComparison.Ordinal);
        foreach (var forbidden in new[] { "onclick", "<script", "alert(", "onerror", "evil.test", "javascript:", "position:fixed" })
        {
            Assert.DoesNotContain(forbidden, body, StringComparison.OrdinalIgnoreCase);
        }

        var stored = await QueryAsync(host, db => db.Revisions.SingleAsync(r => r.ArticleId == id));
        Assert.DoesNotContain("<script", stored.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var printer = await CategoryAsync(host, "printer");

        var noTitle = await agent.SubmitMultipartAsync(EditPage, ArticleForm(printer, " ", "<p>Texte</p>"), action: EditPage, fileField: "Files");
        var noBody = await agent.SubmitMultipartAsync(EditPage, ArticleForm(printer, "Titre", "<p> </p><script>x</script>"), action: EditPage, fileField: "Files");
        var exe = await agent.SubmitMultipartAsync(EditPage, ArticleForm(printer, "Titre", "<p>Texte</p>"), [("outil.pdf", "application/pdf", "MZ\x90\0"u8.ToArray())], action: EditPage, fileField: "Files");

        Assert.Equal(HttpStatusCode.OK, noTitle.StatusCode);
        Assert.Contains("Le titre est obligatoire.", Text(await noTitle.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("L'article n'a pas de texte : rédigez la procédure.", Text(await noBody.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("« outil.pdf »", Text(await exe.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(host, db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Any_earlier_revision_can_be_viewed_and_restored_and_the_history_keeps_every_save_with_its_author()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        var id = await PublishAsync(agent, printer, "Imprimante hors connexion", "<p>Première version : redémarrez l'imprimante.</p>");
        await SaveArticleAsync(agent, ArticleForm(printer, "Imprimante déconnectée", "<p>Deuxième version : vérifiez le câble.</p>"), id);

        var first = Text(await agent.GetStringAsync($"/Staff/KnowledgeBase/Articles/Revision?id={id}&number=1"));
        Assert.Contains("Première version : redémarrez l'imprimante.", first, StringComparison.Ordinal);
        Assert.Contains("Administrator", first, StringComparison.Ordinal);

        var restore = await agent.SubmitAsync($"/Staff/KnowledgeBase/Articles/Revision?id={id}&number=1", new Dictionary<string, string>(), action: $"/Staff/KnowledgeBase/Articles/Revision?id={id}&number=1");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);

        var editor = Flat(await agent.GetStringAsync($"{EditPage}?id={id}"));
        Assert.Contains("La révision 1 a été restaurée comme révision 3.", editor, StringComparison.Ordinal);
        Assert.Contains("Révision 3", editor, StringComparison.Ordinal);
        Assert.Contains("restaurée depuis la révision 1", editor, StringComparison.Ordinal);
        Assert.Contains("Révision 2", editor, StringComparison.Ordinal);
        var article = Text(await customer.GetStringAsync($"/kb/articles/{id}"));
        Assert.Contains("Première version : redémarrez l'imprimante.", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Deuxième version", article, StringComparison.Ordinal);
        Assert.Equal(["Imprimante hors connexion"], await SearchTitlesAsync(customer, "redemarrez"));
        Assert.Empty(await SearchTitlesAsync(customer, "cable"));
        Assert.Equal(3, await QueryAsync(host, db => db.Revisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Categories_can_be_added_renamed_and_deleted_when_empty()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var printer = await CategoryAsync(host, "printer");
        await PublishAsync(agent, printer, "Imprimante hors connexion", "<p>Redémarrez.</p>");

        var added = await agent.SubmitAsync("/Staff/KnowledgeBase/Categories", new Dictionary<string, string> { ["Input.NameFr"] = "Logiciels métier", ["Input.NameEn"] = "Business software", ["Input.SortOrder"] = "80" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var renamed = await agent.SubmitAsync("/Staff/KnowledgeBase/Categories", new Dictionary<string, string> { ["Input.Id"] = printer.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.NameFr"] = "Imprimantes et scanners", ["Input.NameEn"] = "Printers and scanners", ["Input.SortOrder"] = "20" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var refused = await agent.SubmitAsync("/Staff/KnowledgeBase/Categories", new Dictionary<string, string>(), action: $"/Staff/KnowledgeBase/Categories?handler=Delete&id={printer}");

        Assert.Contains("Déplacez ou supprimez d'abord ses articles", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var customer = StaffSession.Anonymous(host);
        Assert.Contains("Imprimantes et scanners", Text(await customer.GetStringAsync("/kb")), StringComparison.Ordinal);
        Assert.Contains("Logiciels métier", Text(await agent.GetStringAsync("/Staff/KnowledgeBase/Categories")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_of_a_public_article_are_downloads_for_customers_and_those_of_drafts_are_not()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var printer = await CategoryAsync(host, "printer");
        var pdf = new byte[1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var id = await SaveArticleAsync(agent, ArticleForm(printer, "Pilote HP", "<p>Installez le pilote joint.</p>"), null, ("pilote.pdf", "application/pdf", pdf));

        var page = await customer.GetStringAsync($"/kb/articles/{id}");
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/kb/attachments/\\d+)\" download>pilote.pdf").Groups[1].Value;
        var download = await customer.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        await SaveArticleAsync(agent, ArticleForm(printer, "Pilote HP", "<p>Installez le pilote joint.</p>", f => f["Input.Status"] = "Draft"), id);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(link.Replace("/kb/", "/Staff/KnowledgeBase/", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Staff_pages_of_the_knowledge_base_require_a_sign_in()
    {
        await using var host = new SupportHostFactory();
        using var visitor = StaffSession.Anonymous(host);
        foreach (var path in new[] { "/Staff/KnowledgeBase", EditPage, "/Staff/KnowledgeBase/Categories", "/Staff/KnowledgeBase/Articles/Revision?id=1&number=1" })
        {
            var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Staff/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}
