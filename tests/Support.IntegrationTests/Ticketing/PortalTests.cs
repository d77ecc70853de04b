using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed class PortalTests
{
    [Fact]
    public async Task New_ticket_form_has_the_fields_topics_and_buttons_of_the_portal()
    {
        await using var host = new SupportHostFactory();
        using var customer = StaffSession.Anonymous(host, "fr");
        var page = await customer.GetStringAsync("/tickets/new");
        var text = Text(page);

        foreach (var label in new[] { "Rubrique d'aide", "Société", "Service", "Adresse e-mail", "Nom / Prénom", "Téléphone", "Situation critique", "Sujet", "Niveau de priorité", "Détail", "Pièces jointes", "Créer", "Réinitialiser", "Annuler" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        foreach (var topic in new[] { "Boîte mail", "Imprimante", "Internet", "Poste de travail", "Serveur", "Téléphonie", "Autre" })
        {
            Assert.Contains($">{topic}</option>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        }

        Assert.Contains("<option value=\"Normal\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.Contains("data-rich-text", page, StringComparison.Ordinal);
        Assert.Contains("data-max-files=\"5\"", page, StringComparison.Ordinal);
        Assert.Contains("OUVRIR UN NOUVEAU TICKET", text.ToUpperInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_opens_a_ticket_and_is_greeted_by_name_with_its_six_digit_number_and_an_email()
    {
        await using var host = new SupportHostFactory();
        using var customer = StaffSession.Anonymous(host, "fr");
        var response = await SubmitNewTicketAsync(customer, NewTicketForm(), Pdf());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = Text(await customer.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Merci, Marie Durand.", confirmation, StringComparison.Ordinal);
        var number = System.Text.RegularExpressions.Regex.Match(confirmation, @"\b(\d{6})\b").Groups[1].Value;
        Assert.Matches("^[1-9][0-9]{5}$", number);

        var mail = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"[#{number}]"));
        Assert.Equal($"Vous venez d'ouvrir un ticket [#{number}]", mail.Subject);
        Assert.Contains("/tickets/access/", mail.TextBody, StringComparison.Ordinal);

        var stored = await QueryAsync(host, db => db.Tickets.Include(t => t.Thread).ThenInclude(e => e.Attachments).SingleAsync());
        Assert.Equal(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), stored.Number);
        Assert.Equal("Acme Industries", stored.CompanyName);
        Assert.Equal("rapport.pdf", Assert.Single(Assert.Single(stored.Thread).Attachments).FileName);
    }

    [Fact]
    public async Task A_new_installation_with_demo_data_shows_demo_tickets_in_the_queues()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Ticketing:DemoData"] = "true" });
        using var agent = await StaffSession.SignInAsync(host);
        var queue = Text(await agent.GetStringAsync("/Staff/Tickets"));
        Assert.Contains("Le serveur de fichiers ne répond plus", queue, StringComparison.Ordinal);
        Assert.Equal(4, await TicketCountAsync(host));
        Assert.Contains("Le serveur de fichiers", Text(await agent.GetStringAsync("/Staff/Tickets?queue=Critical")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickets_opened_at_the_same_time_are_all_kept_with_distinct_numbers()
    {
        await using var host = new SupportHostFactory();
        var opened = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => OpenTicketAsync(host, f => f["Input.Subject"] = "Simultané " + i, Pdf())));
        Assert.Equal(24, opened.Distinct().Count());
        Assert.Equal(24, await TicketCountAsync(host));
        Assert.Equal(24, await QueryAsync(host, db => db.AccessLinks.CountAsync()));
        // A customer and a company unknown until then: the simultaneous requests create them once.
        Assert.Equal(1, await QueryAsync(host, db => db.Contacts.CountAsync(c => c.Email == CustomerEmail)));
        Assert.Equal(1, await QueryAsync(host, db => db.Companies.CountAsync(c => c.Name == "Acme Industries")));
        await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Vous venez d'ouvrir un ticket", 24);

        // Customers new to the product, at the same time: each ticket refers to its own new contact.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => OpenTicketAsync(host, f => f["Input.Email"] = $"nouveau-{i}@acme.example")));
        var links = await QueryAsync(host, db => db.Tickets.Join(db.Contacts, t => t.ContactId, c => c.Id, (t, c) => new { t.CustomerEmail, ContactEmail = c.Email }).ToListAsync());
        Assert.Equal(36, links.Count);
        Assert.All(links, link => Assert.Equal(link.CustomerEmail, link.ContactEmail));
        Assert.Equal(13, await QueryAsync(host, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Ticket_numbers_are_random_not_sequential()
    {
        await using var host = new SupportHostFactory();
        var numbers = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(int.Parse(await OpenTicketAsync(host), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(5, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(n, 100000, 999999));
        var steps = numbers.Zip(numbers.Skip(1), (a, b) => b - a).ToList();
        Assert.DoesNotContain(steps, s => s is 1 or 0);
    }

    [Fact]
    public async Task Staff_receive_every_new_ticket_by_email()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        var mail = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, $"[#{number}]"));
        Assert.Contains("Nouveau ticket", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("hors connexion", mail.TextBody, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<Dictionary<string, string>>, string> BadForms => new()
    {
        { "CR/LF in the subject", f => f["Input.Subject"] = "Hello\r\nBcc: victim@example.test", "Sujet doit tenir sur une ligne." },
        { "an invalid email", f => f["Input.Email"] = "marie.durand@", "Saisissez une adresse e-mail valide" },
        { "no help topic", f => f["Input.HelpTopicId"] = "", "Choisissez une rubrique d'aide." },
        { "an unknown help topic", f => f["Input.HelpTopicId"] = "999", "Choisissez une rubrique d'aide dans la liste." },
        { "no company", f => f["Input.Company"] = " ", "Société est obligatoire." },
        { "a phone without digits", f => f["Input.Phone"] = "call me", "Saisissez un numéro de téléphone" },
        { "a detail that is only script", f => f["Input.Detail"] = "<script>alert(1)</script><img src=x onerror=alert(1)>", "Décrivez le problème" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Bad_input_is_answered_clearly_and_nothing_is_stored(string what, Action<Dictionary<string, string>> change, string message)
    {
        await using var host = new SupportHostFactory();
        using var customer = StaffSession.Anonymous(host, "fr");
        var response = await SubmitNewTicketAsync(customer, NewTicketForm(change), Pdf());

        Assert.True(response.StatusCode == HttpStatusCode.OK, what);
        Assert.Contains(message, Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await TicketCountAsync(host));
        Assert.Equal(0, BlobCount(host));
    }

    public static TheoryData<string, (string, string, byte[])[], string> BadAttachments => new()
    {
        { "a sixth file", [Pdf("1.pdf"), Pdf("2.pdf"), Pdf("3.pdf"), Pdf("4.pdf"), Pdf("5.pdf"), Pdf("6.pdf")], "« 6.pdf » : 5 fichiers au plus peuvent être joints." },
        { "a 3 MB file", [Pdf("gros.pdf", 3 * 1024 * 1024)], "« gros.pdf » dépasse 2 Mo." },
        { "an executable named .pdf", [("facture.pdf", "application/pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0])], "« facture.pdf » : le contenu du fichier ne correspond pas à son type." },
        { "an SVG image", [("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray())], "« logo.svg » : ce type de fichier n'est pas accepté." },
        { "an HTML page named .txt", [("notes.txt", "text/plain", "<html><script>alert(1)</script></html>"u8.ToArray())], "« notes.txt » : le contenu du fichier ne correspond pas à son type." },
    };

    [Theory]
    [MemberData(nameof(BadAttachments))]
    public async Task Refused_attachments_are_named_one_by_one_and_nothing_is_stored(string what, (string, string, byte[])[] files, string message)
    {
        await using var host = new SupportHostFactory();
        using var customer = StaffSession.Anonymous(host, "fr");
        var response = await SubmitNewTicketAsync(customer, NewTicketForm(), files);

        Assert.True(response.StatusCode == HttpStatusCode.OK, what);
        Assert.Contains(message, Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await TicketCountAsync(host));
        Assert.Equal(0, BlobCount(host));
    }

    [Fact]
    public async Task Script_in_the_detail_is_removed_and_the_rest_kept()
    {
        await using var host = new SupportHostFactory();
        await OpenTicketAsync(host, f => f["Input.Detail"] =
            "<p onclick=\"steal()\">Bonjour <strong>équipe</strong></p><script>alert(1)</script><img src=x onerror=alert(1)>" +
            "<a href=\"javascript:alert(1)\">lien</a><a href=\"https://example.test/doc\">doc</a><iframe src=\"https://evil.test\"></iframe>");

        var body = await QueryAsync(host, db => db.ThreadEntries.Select(e => e.BodyHtml).SingleAsync());
        Assert.Contains("<strong>équipe</strong>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.test/doc\"", body, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "onerror", "onclick", "javascript:", "evil.test" })
        {
            Assert.DoesNotContain(forbidden, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
