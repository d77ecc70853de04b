using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using Support.Ticketing.Contracts;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed class CustomerAccessTests
{
    private static Task<HttpResponseMessage> AskForLinkAsync(StaffSession customer, string email, string number) =>
        customer.SubmitAsync("/tickets/status", new Dictionary<string, string> { ["Email"] = email, ["Number"] = number });

    [Fact]
    public async Task Status_check_emails_a_link_and_answers_the_same_for_a_wrong_number()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var customer = StaffSession.Anonymous(host, "en");

        var right = await AskForLinkAsync(customer, "Marie.Durand@ACME.test", number);
        var wrongNumber = await AskForLinkAsync(customer, CustomerEmail, number == "123456" ? "654321" : "123456");
        var wrongEmail = await AskForLinkAsync(customer, "someone@else.test", number);

        var answers = new[] { right, wrongNumber, wrongEmail };
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var texts = await Task.WhenAll(answers.Select(async r => Text(await r.Content.ReadAsStringAsync())));
        Assert.All(texts, t => Assert.Contains("If a ticket with this number was opened with this address", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("/tickets/access/", t, StringComparison.Ordinal));

        var links = await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"Lien d'accès à votre ticket [#{number}]");
        Assert.Single(links);
        Assert.Empty(new PickupMailbox(host).To("someone@else.test"));
    }

    [Fact]
    public async Task Status_check_is_rate_limited()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Ticketing:StatusLookupsPerMinute"] = "2" });
        using var customer = StaffSession.Anonymous(host, "en");
        Assert.Equal(HttpStatusCode.OK, (await AskForLinkAsync(customer, CustomerEmail, "111111")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AskForLinkAsync(customer, CustomerEmail, "111112")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AskForLinkAsync(customer, CustomerEmail, "111113")).StatusCode);
    }

    [Fact]
    public async Task Access_link_opens_the_ticket_view_with_its_details_and_thread()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host, f => f["Input.CriticalSituation"] = "true", Pdf("journal.pdf"));
        using var customer = await OpenLatestAccessLinkAsync(host, $"[#{number}]");

        var page = await customer.GetStringAsync("/tickets/view");
        var text = Text(page);
        foreach (var expected in new[] { $"Ticket n° {number}", "Ouvert", "Comptabilité", "Situation critique", "Oui", "Normale", "Marie Durand", CustomerEmail, "+33 1 23 45 67 89", "L'imprimante du 2e étage n'imprime plus", "HP LaserJet", "journal.pdf" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var attachmentId = System.Text.RegularExpressions.Regex.Match(page, "href=\"/tickets/attachments/(\\d+)\"").Groups[1].Value;
        var download = await customer.GetAsync("/tickets/attachments/" + attachmentId);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        using var stranger = StaffSession.Anonymous(host);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/tickets/attachments/" + attachmentId)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/tickets/view")).StatusCode);
    }

    [Fact]
    public async Task A_link_opens_only_its_own_ticket()
    {
        await using var host = new SupportHostFactory();
        var first = await OpenTicketAsync(host, f => f["Input.Subject"] = "Premier ticket");
        var second = await OpenTicketAsync(host, f => f["Input.Subject"] = "Second ticket");
        using var customer = await OpenLatestAccessLinkAsync(host, $"[#{first}]");
        var text = Text(await customer.GetStringAsync("/tickets/view"));
        Assert.Contains("Premier ticket", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Second ticket", text, StringComparison.Ordinal);

        var secondAttachment = await QueryAsync(host, db => db.Tickets.Where(t => t.Subject == "Second ticket").Select(t => t.Id).SingleAsync());
        Assert.NotEqual(0, secondAttachment);
        Assert.DoesNotContain(second, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_clear_message()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Ticketing:AccessLinkLifetime"] = "00:00:01" });
        var number = await OpenTicketAsync(host);
        var mail = (await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"[#{number}]"))[0];
        await Task.Delay(1500);

        using var customer = StaffSession.Anonymous(host, "fr");
        var response = await customer.GetAsync(PickupMailbox.AccessLinkPath(mail));
        Assert.Equal("/tickets/status?unusable=True", response.Headers.Location!.OriginalString);
        Assert.Contains("Ce lien d'accès a expiré ou a été révoqué.", Text(await customer.GetStringAsync(response.Headers.Location.OriginalString)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await customer.GetAsync("/tickets/view")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_link_stops_working_even_in_an_open_session()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var customer = await OpenLatestAccessLinkAsync(host, $"[#{number}]");
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/tickets/view")).StatusCode);

        using var agent = await StaffSession.SignInAsync(host);
        var revoke = await agent.SubmitAsync($"/Staff/Tickets/{number}", new Dictionary<string, string>(), $"/Staff/Tickets/{number}?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        var view = await customer.GetAsync("/tickets/view");
        Assert.Equal("/tickets/status?unusable=True", view.Headers.Location!.OriginalString);
        var mail = (await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"[#{number}]"))[0];
        using var other = StaffSession.Anonymous(host);
        Assert.Equal("/tickets/status?unusable=True", (await other.GetAsync(PickupMailbox.AccessLinkPath(mail))).Headers.Location!.OriginalString);
        Assert.Contains("revoked 1 access link(s)", Text(await (await StaffSession.SignInAsync(host, language: "en")).GetStringAsync($"/Staff/Tickets/{number}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_token_opens_nothing()
    {
        await using var host = new SupportHostFactory();
        await OpenTicketAsync(host);
        using var customer = StaffSession.Anonymous(host);
        var response = await customer.GetAsync("/tickets/access/" + new string('A', 43));
        Assert.Equal("/tickets/status?unusable=True", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Customer_replies_with_an_attachment_and_logs_out()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var customer = await OpenLatestAccessLinkAsync(host, $"[#{number}]");

        var reply = await customer.SubmitMultipartAsync("/tickets/view", new Dictionary<string, string> { ["Body"] = "<p>Voici le journal d'erreurs.</p>" }, [("erreurs.log", "text/plain", "ERROR 42 printer offline\n"u8.ToArray())], "/tickets/view?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var text = Text(await customer.GetStringAsync("/tickets/view"));
        Assert.Contains("Voici le journal d'erreurs.", text, StringComparison.Ordinal);
        Assert.Contains("erreurs.log", text, StringComparison.Ordinal);
        Assert.Contains("Votre réponse a été envoyée.", text, StringComparison.Ordinal);

        var staffMail = await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, $"Réponse du client [#{number}]");
        Assert.Contains("Voici le journal", staffMail[0].TextBody, StringComparison.Ordinal);

        var logout = await customer.SubmitAsync("/tickets/view", new Dictionary<string, string>(), "/tickets/view?handler=Logout");
        Assert.Equal("/tickets/status?signedOut=True", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await customer.GetAsync("/tickets/view")).StatusCode);
    }

    [Fact]
    public async Task Customer_reply_to_closed_ticket_reopens_it()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host);
        await AgentScenario.ReplyAsync(agent, number, "<p>Le pilote est réinstallé.</p>", thenStatus: "Closed");
        using var customer = await OpenLatestAccessLinkAsync(host, $"Votre ticket est résolu [#{number}]");

        await customer.SubmitMultipartAsync("/tickets/view", new Dictionary<string, string> { ["Body"] = "<p>Le problème est revenu.</p>" }, null, "/tickets/view?handler=Reply");
        var text = Text(await customer.GetStringAsync("/tickets/view"));
        Assert.Contains("Votre réponse a été envoyée et votre ticket a été rouvert.", text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, await QueryAsync(host, db => db.Tickets.Select(t => t.Status).SingleAsync()));
        Assert.Equal(1, await QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.Type.StartsWith("Support.Ticketing.Contracts.TicketReopenedEvent"))));
    }

    [Fact]
    public async Task With_reopening_turned_off_a_reply_leaves_the_ticket_closed()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var admin = await StaffSession.SignInAsync(host);
        var setting = await admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string> { ["reopen"] = "false" }, "/Staff/Admin/Ticketing?handler=Reopen");
        Assert.Equal(HttpStatusCode.Redirect, setting.StatusCode);
        await AgentScenario.ReplyAsync(admin, number, "<p>Résolu.</p>", thenStatus: "Closed");
        using var customer = await OpenLatestAccessLinkAsync(host, $"Votre ticket est résolu [#{number}]");

        await customer.SubmitMultipartAsync("/tickets/view", new Dictionary<string, string> { ["Body"] = "<p>Merci !</p>" }, null, "/tickets/view?handler=Reply");
        Assert.Contains("Le ticket reste fermé", Text(await customer.GetStringAsync("/tickets/view")), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Closed, await QueryAsync(host, db => db.Tickets.Select(t => t.Status).SingleAsync()));
    }
}
