using Microsoft.EntityFrameworkCore;
using MimeKit;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests;

/// <summary>
/// The email intake plugin (plugins/Support.Plugins.EmailIntake), loaded by the host from its folder, polling
/// a real Dovecot IMAP server on 127.0.0.1. What customers and agents see: confirmation emails, tickets and
/// threads; and what the mailbox shows: an email is marked read only once it was taken in.
/// </summary>
public sealed class EmailIntakeTests : IAsyncLifetime
{
    private DovecotServer _imap = null!;

    public async Task InitializeAsync() => _imap = await DovecotServer.StartAsync();

    public async Task DisposeAsync() => await _imap.DisposeAsync();

    private SupportHostFactory StartHost(string? dataFolder = null)
    {
        var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
        PluginTests.HostWithBrokenPlugins.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "plugins", "Support.Plugins.EmailIntake"), Path.Combine(plugins, "Support.Plugins.EmailIntake"));
        var settings = _imap.PluginSettings(TimeSpan.FromMilliseconds(200));
        settings["Plugins:Path"] = plugins;
        settings["Ticketing:PublicUrl"] = "https://support.example.test";
        var host = new SupportHostFactory(dataFolder, settings);
        _ = host.Services;
        return host;
    }

    private static MimeMessage Email(string subject, string text, string from = "Marie Durand <marie.durand@acme.test>", string? messageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@support.example.test"));
        message.Subject = subject;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("acme.test");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static MimeMessage WithAttachments(MimeMessage message, params (string Name, byte[] Content)[] files)
    {
        var body = new BodyBuilder { TextBody = message.TextBody };
        foreach (var (name, content) in files)
        {
            body.Attachments.Add(name, content, ContentType.Parse("application/pdf"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task WaitUntilAllReadAsync(SupportHostFactory host, int count) =>
        await Eventually.WaitForAsync(
            _imap.ReadStateAsync,
            state => state.Count == count && state.All(e => e.Read),
            $"the {count} emails of the inbox marked read (poller log: {string.Join(" | ", host.Logs.Where(l => l.Contains("Poller", StringComparison.Ordinal)).TakeLast(3))})");

    [Fact]
    public async Task A_new_email_opens_a_ticket_the_sender_is_told_about_and_is_then_marked_read()
    {
        await using var host = StartHost();
        await _imap.DeliverAsync(WithAttachments(Email("L'imprimante n'imprime plus", "Bonjour,\n\nL'imprimante du 2e étage affiche « hors connexion ».\n\nMarie"), ("journal.pdf", Pdf().Item3)));

        await WaitUntilAllReadAsync(host, 1);
        var confirmation = (await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Vous venez d'ouvrir un ticket [#")).Single();
        var number = System.Text.RegularExpressions.Regex.Match(confirmation.Subject ?? "", @"\[#(\d+)\]").Groups[1].Value;
        Assert.Contains("https://support.example.test/tickets/access/", confirmation.TextBody, StringComparison.Ordinal);

        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("L'imprimante n'imprime plus", page, StringComparison.Ordinal);
        Assert.Contains("L'imprimante du 2e étage affiche « hors connexion ».", page, StringComparison.Ordinal);
        Assert.Contains("via EmailIntake", page, StringComparison.Ordinal);
        Assert.Contains("Marie Durand", page, StringComparison.Ordinal);
        Assert.Contains("acme.test", page, StringComparison.Ordinal);
        Assert.Contains("journal.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_tagged_with_the_number_joins_the_thread_and_a_strangers_reply_opens_its_own_ticket()
    {
        await using var host = StartHost();
        await _imap.DeliverAsync(Email("VPN en panne", "Le VPN refuse mon mot de passe."));
        await WaitUntilAllReadAsync(host, 1);
        var confirmation = (await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Vous venez d'ouvrir un ticket [#")).Single();
        var number = System.Text.RegularExpressions.Regex.Match(confirmation.Subject ?? "", @"\[#(\d+)\]").Groups[1].Value;

        await _imap.DeliverAsync(Email("RE: " + confirmation.Subject, "Il fonctionne de nouveau depuis le redémarrage."));
        await _imap.DeliverAsync(Email("RE: " + confirmation.Subject, "Chez moi aussi le VPN est en panne.", from: "Paul Martin <paul.martin@acme.test>"));
        await WaitUntilAllReadAsync(host, 3);

        await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, $"Réponse du client [#{number}]");
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("Il fonctionne de nouveau depuis le redémarrage.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Chez moi aussi", page, StringComparison.Ordinal);
        var strangers = await QueryAsync(host, db => db.Tickets.Where(t => t.CustomerEmail == "paul.martin@acme.test").Select(t => t.Subject).SingleAsync());
        Assert.Equal("RE: " + confirmation.Subject, strangers);
        await new PickupMailbox(host).WaitForAsync("paul.martin@acme.test", "Vous venez d'ouvrir un ticket [#");
        Assert.Equal(2, await TicketCountAsync(host));
    }

    [Fact]
    public async Task Auto_replies_and_bounces_are_marked_read_and_open_no_ticket()
    {
        await using var host = StartHost();
        var vacation = Email("Absence du bureau", "Je suis absente jusqu'au 3 décembre.");
        vacation.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var autoreply = Email("Réponse automatique", "Votre message a bien été reçu.");
        autoreply.Headers.Add("X-Autoreply", "yes");
        var bulk = Email("Lettre d'information", "Nos nouveautés du mois.");
        bulk.Headers.Add(HeaderId.Precedence, "bulk");
        var nullReturnPath = Email("Accusé de lecture", "Lu.");
        nullReturnPath.Headers.Add(HeaderId.ReturnPath, "<>");
        var bounce = Email("Undelivered Mail Returned to Sender", "", from: "Mail Delivery System <MAILER-DAEMON@mail.acme.test>");
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system at host mail.acme.test. Your message could not be delivered." },
            new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mail.acme.test\r\n\r\nFinal-Recipient: rfc822; nobody@acme.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"u8.ToArray())) },
        };
        bounce.Body = report;
        foreach (var message in new[] { vacation, autoreply, bulk, nullReturnPath, bounce })
        {
            await _imap.DeliverAsync(message);
        }

        await _imap.DeliverAsync(Email("Écran noir", "Mon écran reste noir au démarrage."));
        await WaitUntilAllReadAsync(host, 6);

        Assert.Equal(["Écran noir"], await QueryAsync(host, db => db.Tickets.Select(t => t.Subject).ToListAsync()));
        using var admin = await StaffSession.SignInAsync(host, language: "en");
        var settings = Text(await admin.GetStringAsync("/Staff/Plugins/EmailIntake"));
        Assert.Matches(@"Auto-replies and bounces ignored\s+5", settings);
        Assert.Matches(@"Tickets opened\s+1", settings);
    }

    [Fact]
    public async Task Attachments_beyond_the_portal_limits_are_left_out_and_listed_in_the_thread()
    {
        await using var host = StartHost();
        var pdf = Pdf().Item3;
        var tooLarge = Pdf(size: (2 * 1024 * 1024) + 10).Item3;
        await _imap.DeliverAsync(WithAttachments(
            Email("Scans du contrat", "Voici les scans."),
            ("page1.pdf", pdf), ("page2.pdf", tooLarge), ("page3.pdf", pdf), ("page4.pdf", pdf), ("page5.pdf", pdf), ("page6.pdf", pdf)));
        await WaitUntilAllReadAsync(host, 1);

        var number = await QueryAsync(host, db => db.Tickets.Select(t => t.Number).SingleAsync());
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{number:D6}"));
        Assert.Contains("Pièces jointes non conservées :", page, StringComparison.Ordinal);
        Assert.Contains("« page2.pdf » dépasse 2 Mo.", page, StringComparison.Ordinal);
        Assert.Contains("« page6.pdf » : 5 fichiers au plus peuvent être joints.", page, StringComparison.Ordinal);
        Assert.Equal(
            ["page1.pdf", "page3.pdf", "page4.pdf", "page5.pdf"],
            await QueryAsync(host, db => db.Attachments.OrderBy(a => a.Id).Select(a => a.FileName).ToListAsync()));
    }

    [Fact]
    public async Task The_same_email_delivered_twice_opens_one_ticket()
    {
        await using var host = StartHost();
        await _imap.DeliverAsync(Email("Messagerie saturée", "Ma boîte est pleine.", messageId: "same-1@acme.test"));
        await _imap.DeliverAsync(Email("Messagerie saturée", "Ma boîte est pleine.", messageId: "same-1@acme.test"));

        await WaitUntilAllReadAsync(host, 2);

        Assert.Equal(1, await TicketCountAsync(host));
        await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Vous venez d'ouvrir un ticket [#");
        await Task.Delay(500);
        Assert.Single(new PickupMailbox(host).To(CustomerEmail));
    }

    [Fact]
    public async Task A_host_stopped_mid_poll_loses_no_email_and_the_next_one_takes_in_the_rest_once()
    {
        const int count = 25;
        for (var i = 1; i <= count; i++)
        {
            await _imap.DeliverAsync(Email($"Demande {i:D2}", $"Texte de la demande {i}.", messageId: $"stop-{i}@acme.test"));
        }

        var first = StartHost();
        var dataFolder = first.DataFolder;
        try
        {
            await Eventually.WaitForAsync(() => TicketCountAsync(first), n => n > 0, "a first ticket");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var afterStop = await _imap.ReadStateAsync();
        var taken = await ReceiptsAsync(dataFolder);
        Assert.All(afterStop.Where(e => e.Read), e => Assert.Contains("<" + e.MessageId + ">", taken));

        await using var second = StartHost(dataFolder);
        await WaitUntilAllReadAsync(second, count);
        var subjects = await QueryAsync(second, db => db.Tickets.Select(t => t.Subject).ToListAsync());
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"Demande {i:D2}"), subjects.Order(StringComparer.Ordinal));
    }

    private static async Task<HashSet<string>> ReceiptsAsync(string dataFolder)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataFolder, "support.db")};Pooling=false");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT ExternalId FROM ticketing_intake_receipt";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    [Fact]
    public async Task An_admin_sets_the_mailbox_on_the_settings_page_and_after_the_next_start_its_emails_open_tickets()
    {
        var plugins = SupportHostFactory.CreateTemporaryFolder("plugins");
        PluginTests.HostWithBrokenPlugins.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "plugins", "Support.Plugins.EmailIntake"), Path.Combine(plugins, "Support.Plugins.EmailIntake"));
        var data = SupportHostFactory.CreateTemporaryFolder("data");
        var configuration = new Dictionary<string, string?> { ["Plugins:Path"] = plugins, ["Ticketing:PublicUrl"] = "https://support.example.test" };
        const string page = "/Staff/Admin/PluginSettings/EmailIntake";
        var mailbox = _imap.PluginSettings(TimeSpan.FromSeconds(5)).ToDictionary(s => "Values[" + s.Key["Plugins:EmailIntake:".Length..] + "]", s => s.Value!);
        mailbox["Enabled"] = "true";
        await using (var unconfigured = new SupportHostFactory(data, configuration))
        {
            using var admin = await StaffSession.SignInAsync(unconfigured, language: "en");
            var refused = await admin.SubmitAsync(page, new Dictionary<string, string>(mailbox)
            {
                ["Values[Port]"] = "70000",
                ["Values[Security]"] = "Tls",
                ["Values[User]"] = "",
                ["Values[PollInterval]"] = "every minute",
            });
            var refusedPage = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("A port is from 1 to 65535.", refusedPage, StringComparison.Ordinal);
            Assert.Contains("Choose one of: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.", refusedPage, StringComparison.Ordinal);
            Assert.Contains("The server and the user go together: give both, or neither.", refusedPage, StringComparison.Ordinal);
            Assert.Contains("An interval reads hh:mm:ss, from 00:00:05 to 1.00:00:00.", refusedPage, StringComparison.Ordinal);

            var saved = await admin.SubmitAsync(page, mailbox);
            var notice = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(saved.Headers.Location!.OriginalString));
            Assert.Contains("The settings are saved. These settings take effect at the next start: IMAP server, Port, Security, User, Password, Folder, Poll interval.", notice, StringComparison.Ordinal);
            Assert.DoesNotContain(_imap.PluginSettings(TimeSpan.Zero)["Plugins:EmailIntake:Password"]!, notice, StringComparison.Ordinal);
        }

        await _imap.DeliverAsync(Email("Le scanner ne numérise plus", "Bonjour,\n\nLe scanner reste bloqué.\n\nMarie"));
        await using var configured = new SupportHostFactory(data, configuration);
        _ = configured.Services;

        await WaitUntilAllReadAsync(configured, 1);
        using var agent = await StaffSession.SignInAsync(configured, language: "en");
        Assert.Contains("Le scanner ne numérise plus", await agent.GetStringAsync("/Staff/Tickets"), StringComparison.Ordinal);
    }
}
