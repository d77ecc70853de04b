using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Support.Kernel.Email;
using Support.IntegrationTests.Probe;
using Support.Kernel.Persistence;
using Support.Testing;

namespace Support.IntegrationTests;

public sealed class EmailOutboxTests
{
    private static async Task<EmailMessage> MessageToAsync(SupportHostFactory host, string recipient)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        return await db.EmailMessages.AsNoTracking().SingleAsync(m => m.To == recipient);
    }

    private static async Task QueueTestEmailAsync(StaffSession admin, string recipient)
    {
        var queued = await admin.SubmitAsync("/Staff/Admin/Messages", new Dictionary<string, string> { ["TestRecipient"] = recipient }, "/Staff/Admin/Messages?handler=Test");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, queued.StatusCode);
    }

    [Fact]
    public async Task Email_queued_while_the_smtp_server_is_down_goes_out_once_it_is_back()
    {
        var port = SmtpTestServer.FreePort();
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:Timeout"] = "00:00:05",
            ["Email:RetryBaseDelay"] = "00:00:00.500",
            ["Email:RetryMaxDelay"] = "00:00:01",
            ["Email:FromAddress"] = "helpdesk@support.test",
        });
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        await QueueTestEmailAsync(admin, "customer@example.test");

        var failing = await Eventually.WaitForAsync(
            () => MessageToAsync(host, "customer@example.test"), m => m.Attempts >= 1, "a failed delivery attempt");
        Assert.Equal(EmailStatus.Queued, failing.Status);
        Assert.False(string.IsNullOrEmpty(failing.LastError));
        var trackingWhileDown = await admin.GetStringAsync("/Staff/Admin/Messages");
        Assert.Contains("customer@example.test", trackingWhileDown, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(failing.LastError!), trackingWhileDown, StringComparison.Ordinal);

        await using var smtp = SmtpTestServer.Start(port);
        var sent = await Eventually.WaitForAsync(
            () => MessageToAsync(host, "customer@example.test"), m => m.Status == EmailStatus.Sent, "the message to be sent");

        var received = Assert.Single(smtp.Received);
        Assert.Equal(["customer@example.test"], received.EnvelopeTo);
        Assert.Equal("helpdesk@support.test", received.EnvelopeFrom);
        Assert.Equal("Test message from the support centre", received.Message.Subject);
        Assert.Contains("can send email", received.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(sent.MessageId, received.Message.MessageId);
        Assert.True(sent.Attempts >= 2);
        Assert.Null(sent.LastError);
        Assert.Contains(">Sent</span>", await admin.GetStringAsync("/Staff/Admin/Messages?status=Sent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_queued_together_goes_to_the_smtp_server_over_one_connection()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });
        using (var scope = host.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            foreach (var recipient in new[] { "anne@example.test", "bruno@example.test", "chloe@example.test" })
            {
                outbox.Queue(new OutgoingEmail(recipient, null, "Votre ticket", "Bonjour", null, "test"));
            }

            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        await Eventually.WaitForAsync(() => SentCountAsync(host), sent => sent == 3, "the three messages to be sent");
        Assert.Equal(["anne@example.test", "bruno@example.test", "chloe@example.test"], smtp.Received.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task Two_hosts_sharing_the_database_hand_each_message_to_the_smtp_server_once()
    {
        await using var smtp = SmtpTestServer.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.050",
        };
        await using var a = new SupportHostFactory(settings: settings);
        await using var b = new SupportHostFactory(a.DataFolder, settings);
        using (StaffSession.Anonymous(b))
        {
            // Both hosts are started: each runs its email sender on the one outbox.
        }

        // Queued in steps from both hosts, so that each host's sender is woken while the other's works.
        const int Count = 60;
        for (var step = 0; step < Count / 10; step++)
        {
            using var scope = (step % 2 == 0 ? a : b).Services.CreateScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 10; i++)
            {
                var n = (step * 10) + i;
                outbox.Queue(new OutgoingEmail($"customer-{n}@example.test", null, $"Message {n}", $"Body {n}", null, "test"));
            }

            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        await Eventually.WaitForAsync(() => Task.FromResult(smtp.Received.Count), count => count >= Count, $"{Count} messages at the SMTP server");
        await Eventually.WaitForAsync(() => SentCountAsync(a), sent => sent == Count, "every message recorded as sent");

        // A moment longer: a second hand-over would have arrived by now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var subjects = smtp.Received.Select(m => m.Message.Subject).ToList();
        Assert.Equal(Count, subjects.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(n => $"Message {n}").Order(), subjects.Order());
        using var check = a.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<KernelDbContext>().EmailMessages.AsNoTracking().ToListAsync();
        Assert.All(rows, m => Assert.Equal((EmailStatus.Sent, 1, (string?)null), (m.Status, m.Attempts, m.ClaimedBy)));
    }

    private static async Task<int> SentCountAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KernelDbContext>().EmailMessages.CountAsync(m => m.Status == EmailStatus.Sent);
    }

    [Fact]
    public async Task Without_an_smtp_server_mail_lands_in_the_pickup_folder_as_eml_files()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "fr");

        await QueueTestEmailAsync(admin, "client@example.test");
        await Eventually.WaitForAsync(() => MessageToAsync(host, "client@example.test"), m => m.Status == EmailStatus.Sent, "the pickup delivery");

        var file = Assert.Single(Directory.GetFiles(Path.Combine(host.DataFolder, "mail-pickup"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("client@example.test", message.To.Mailboxes.Single().Address);
        Assert.Equal("Message de test du centre de support", message.Subject);
    }

    [Fact]
    public async Task A_burst_of_mail_goes_out_once_in_batches_each_saved_in_the_same_write_turn_as_the_next_claim()
    {
        await using var host = ProbeModule.QuietHost("email-batches");
        var group = host.Services.GetRequiredService<WriteGroup>();
        await Eventually.WaitForAsync(
            async () =>
            {
                var before = group.Commits;
                await Task.Delay(300);
                return group.Commits == before;
            },
            quiet => quiet,
            "the host's start-up writes to end");
        var start = group.Commits;

        using (var scope = host.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 250; i++)
            {
                outbox.Queue(new OutgoingEmail($"client{i}@example.test", null, $"Message {i}", "Bonjour", null, "test"));
            }

            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        await Eventually.WaitForAsync(() => SentCountAsync(host), sent => sent == 250, "the 250 messages to be sent");

        // 250 files, one per message; written in 3 batches of up to 100: the queueing, the first claim, then one
        // write turn per batch for its outcome and the next batch's claim.
        var subjects = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(host.DataFolder, "mail-pickup"), "*.eml"))
        {
            subjects.Add((await MimeMessage.LoadAsync(file)).Subject ?? "");
        }

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"Message {i}").Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
        Assert.Equal(5, group.Commits - start);
    }

    [Fact]
    public async Task The_tracking_page_names_each_message_s_attached_files_with_their_size()
    {
        await using var host = new SupportHostFactory();
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Queue(new OutgoingEmail(
                "client@example.test", null, "Rapport d'incident", "Ci-joint le rapport.", null, "rca",
                [new OutgoingAttachment("rapport-incident.pdf", "application/pdf", new byte[2560]), new OutgoingAttachment("journal.txt", "text/plain", new byte[300])]));
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        using var admin = await StaffSession.SignInAsync(host);
        var page = await admin.GetStringAsync("/Staff/Admin/Messages");

        var files = System.Text.RegularExpressions.Regex.Match(page, "<ul[^>]*data-testid=\"message-attachments\"[^>]*>(.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(files.Success, "no list of attached files on the tracking page");
        Assert.Contains("aria-label=\"Pièces jointes\"", files.Value, StringComparison.Ordinal);
        var items = System.Text.RegularExpressions.Regex.Matches(files.Groups[1].Value, "<li>(.*?)</li>").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(["rapport-incident.pdf (2,5 KB)", "journal.txt (300 B)"], items);
    }

    /// <summary>A relay that takes ten minutes (of the manual clock) per message, and notes whether the message's claim still held.</summary>
    private sealed class SlowRelay(ManualClock clock) : IEmailTransport
    {
        public string ConnectionString { get; set; } = "";

        public List<(string Subject, bool ClaimHeld)> Sent { get; } = [];

        public string Description => "a slow relay";

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ClaimedUntilUtc FROM kernel_email_messages WHERE MessageId = $id";
            command.Parameters.AddWithValue("$id", message.MessageId);
            var until = DateTime.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            lock (Sent)
            {
                Sent.Add((message.Subject ?? "", until > clock.UtcNow));
            }

            clock.Set(clock.UtcNow.AddMinutes(10));
        }
    }

    [Fact]
    public async Task A_batch_on_a_slow_relay_lets_its_last_messages_go_before_its_claim_runs_out()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var relay = new SlowRelay(clock);
        await using var host = new SupportHostFactory().WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IEmailTransport>(relay);
        });
        relay.ConnectionString = host.Services.GetRequiredService<SqliteDatabase>().ConnectionString;
        using (var scope = host.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            foreach (var subject in new[] { "first", "second", "third" })
            {
                outbox.Queue(new OutgoingEmail("client@example.test", null, subject, subject, null, "test"));
            }

            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        await Eventually.WaitForAsync(() => Task.FromResult(relay.Sent.Count), count => count == 3, "three messages handed to the relay");

        // The claim lasts 15 minutes (Email:ClaimLease) and each message 10: a batch stops after its first
        // message, so that every message is handed over while its claim holds, once.
        Assert.Equal([("first", true), ("second", true), ("third", true)], relay.Sent);
        await Task.Delay(300);
        Assert.Equal(3, relay.Sent.Count);
    }

    [Fact]
    public async Task Invalid_test_recipient_is_refused_with_a_message_and_nothing_is_queued()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");

        var refused = await admin.SubmitAsync("/Staff/Admin/Messages", new Dictionary<string, string> { ["TestRecipient"] = "not-an-address" }, "/Staff/Admin/Messages?handler=Test");

        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter a valid email address.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = host.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<KernelDbContext>().EmailMessages.CountAsync());
    }
}
