using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Plugins.Abstractions;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

/// <summary>
/// The host's intake door (IIntakeService) as channel plugins use it, against the real host: tickets and
/// replies go through the portal's paths (customer matching, emails, thread), once per external id.
/// </summary>
public sealed class IntakeTests
{
    private static IntakeTicket Email(string externalId, string email = CustomerEmail, string? company = null, IReadOnlyList<IntakeAttachment>? attachments = null) =>
        new("Mail", email, "Marie Durand", company, null, "Printer offline since this morning", "<p>The <strong>HP LaserJet</strong> says offline.</p><script>alert(1)</script>", externalId, new Dictionary<string, string>(), attachments, "en");

    private static IIntakeService Intake(SupportHostFactory host) => host.Services.GetRequiredService<IIntakeService>();

    [Fact]
    public async Task A_channel_opens_a_ticket_matched_to_the_known_customer_who_gets_the_confirmation_email()
    {
        await using var host = new SupportHostFactory();
        await OpenTicketAsync(host);

        var result = await Intake(host).OpenTicketAsync(Email("<m1@acme.test>"), CancellationToken.None);

        Assert.False(result.WasDuplicate);
        var confirmation = (await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"You have just opened a ticket [#{result.TicketNumber}]")).Single();
        Assert.Contains("/tickets/access/", confirmation.TextBody, StringComparison.Ordinal);
        await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, $"Nouveau ticket [#{result.TicketNumber}]");

        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{result.TicketNumber}"));
        Assert.Contains("Printer offline since this morning", page, StringComparison.Ordinal);
        Assert.Contains("says offline.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", page, StringComparison.Ordinal);
        Assert.Contains("via Mail", page, StringComparison.Ordinal);
        Assert.Contains("Acme Industries", page, StringComparison.Ordinal);
        Assert.Contains("+33 1 23 45 67 89", page, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(host, db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task A_new_sender_without_a_company_gets_one_named_after_the_address_domain()
    {
        await using var host = new SupportHostFactory();

        var result = await Intake(host).OpenTicketAsync(Email("<m2@globex.test>", email: "homer@globex.test"), CancellationToken.None);

        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{result.TicketNumber}"));
        Assert.Contains("globex.test", page, StringComparison.Ordinal);
        await new PickupMailbox(host).WaitForAsync("homer@globex.test", $"[#{result.TicketNumber}]");
    }

    [Fact]
    public async Task The_same_message_taken_in_twice_even_at_once_opens_one_ticket()
    {
        await using var host = new SupportHostFactory();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Intake(host).OpenTicketAsync(Email("<same@acme.test>"), CancellationToken.None)));
        var later = await Intake(host).OpenTicketAsync(Email("<same@acme.test>"), CancellationToken.None);

        Assert.Single(results, r => !r.WasDuplicate);
        Assert.True(later.WasDuplicate);
        Assert.Single(results.Append(later).Select(r => r.TicketNumber).Distinct());
        Assert.Equal(1, await TicketCountAsync(host));
        await new PickupMailbox(host).WaitForAsync(CustomerEmail, "You have just opened a ticket");
        await Task.Delay(500);
        Assert.Single(new PickupMailbox(host).To(CustomerEmail));
    }

    [Fact]
    public async Task A_reply_from_the_customer_joins_the_thread_once_and_a_stranger_is_refused()
    {
        await using var host = new SupportHostFactory();
        var opened = await Intake(host).OpenTicketAsync(Email("<first@acme.test>"), CancellationToken.None);
        var reply = new IntakeMessage("Mail", "#" + opened.TicketNumber, "Marie.Durand@ACME.test", "<p>It prints again after a restart.</p>", "<second@acme.test>");

        var appended = await Intake(host).AppendMessageAsync(reply, CancellationToken.None);
        var again = await Intake(host).AppendMessageAsync(reply, CancellationToken.None);
        var stranger = await Assert.ThrowsAsync<IntakeRefusedException>(() => Intake(host).AppendMessageAsync(reply with { FromEmail = "someone@elsewhere.test", ExternalId = "<third@elsewhere.test>" }, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<IntakeRefusedException>(() => Intake(host).AppendMessageAsync(reply with { TicketNumber = "000001", ExternalId = "<fourth@acme.test>" }, CancellationToken.None));

        Assert.Equal((opened.TicketNumber, false), (appended.TicketNumber, appended.WasDuplicate));
        Assert.True(again.WasDuplicate);
        Assert.Equal(IntakeRefusal.NotTheCustomer, stranger.Reason);
        Assert.Equal(IntakeRefusal.UnknownTicket, unknown.Reason);
        await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, $"Réponse du client [#{opened.TicketNumber}]");
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{opened.TicketNumber}"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "It prints again after a restart."));
        Assert.Equal(2, await QueryAsync(host, db => db.ThreadEntries.CountAsync()));
    }

    [Fact]
    public async Task Attachments_beyond_the_portal_limits_are_left_out_and_listed_under_the_message()
    {
        await using var host = new SupportHostFactory();
        var (_, _, pdf) = Pdf();
        var executable = new byte[64];
        "MZ"u8.CopyTo(executable);
        var tooLarge = Pdf(size: (2 * 1024 * 1024) + 1).Item3;
        IntakeAttachment[] files =
        [
            new("report.pdf", "application/pdf", pdf),
            new("scan.pdf", "application/pdf", tooLarge),
            new("invoice.pdf", "application/pdf", executable),
            new("second.pdf", "application/pdf", pdf),
            new("third.pdf", "application/pdf", pdf),
            new("sixth.pdf", "application/pdf", pdf),
        ];

        var result = await Intake(host).OpenTicketAsync(Email("<files@acme.test>", attachments: files), CancellationToken.None);

        Assert.Equal(3, result.RefusedAttachments!.Count);
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var page = Text(await agent.GetStringAsync($"/Staff/Tickets/{result.TicketNumber}"));
        Assert.Contains("Attachments not kept:", page, StringComparison.Ordinal);
        Assert.Contains("\"scan.pdf\" is larger than 2 MB.", page, StringComparison.Ordinal);
        Assert.Contains("\"invoice.pdf\": the content of the file does not match its type.", page, StringComparison.Ordinal);
        Assert.Contains("\"sixth.pdf\": at most 5 files can be attached.", page, StringComparison.Ordinal);
        Assert.Equal(
            ["report.pdf", "second.pdf", "third.pdf"],
            await QueryAsync(host, db => db.Attachments.OrderBy(a => a.Id).Select(a => a.FileName).ToListAsync()));
    }

    [Fact]
    public async Task A_message_without_a_valid_sender_address_is_refused_and_nothing_is_stored()
    {
        await using var host = new SupportHostFactory();

        var refused = await Assert.ThrowsAsync<IntakeRefusedException>(() => Intake(host).OpenTicketAsync(Email("<bad@acme.test>", email: "not an address"), CancellationToken.None));

        Assert.Equal(IntakeRefusal.Invalid, refused.Reason);
        Assert.Equal(0, await TicketCountAsync(host));
    }
}
