using System.Net;
using Support.Testing;
using static Support.IntegrationTests.Escalation.EscalationScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>Agents' hand-offs to expert teams, the admin's contact chains and the public contacts page, the report.</summary>
public sealed class HandOffAndContactsTests
{
    [Fact]
    public async Task Agent_hands_a_ticket_off_to_development_with_a_note_and_the_team_is_emailed()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host);
        Assert.Contains("Niveau 1", await StaffPanelAsync(agent, number), StringComparison.Ordinal);

        await AgentActionAsync(agent, number, "HandOff", new() { ["Team"] = "Development", ["Note"] = "" });
        var panel = await StaffPanelAsync(agent, number);
        Assert.Contains("Rédigez la note de transmission", panel, StringComparison.Ordinal);
        Assert.Contains("Niveau 1", panel, StringComparison.Ordinal);

        await AgentActionAsync(agent, number, "HandOff", new() { ["Team"] = "Development", ["Note"] = "Le pilote 4.2 plante à l'impression recto verso ; journaux joints au ticket." });
        panel = await StaffPanelAsync(agent, number);
        Assert.Contains("Niveau 2 · Développement", panel, StringComparison.Ordinal);
        Assert.Contains("niveau 2 : Développement — Le pilote 4.2 plante", panel, StringComparison.Ordinal);
        Assert.Contains("Équipe : Support → Développement", await AuditTrailAsync(agent, number), StringComparison.Ordinal);
        var queue = Flat(await agent.GetStringAsync("/Staff/Tickets?team=Development"));
        Assert.Contains(number, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(number, Flat(await agent.GetStringAsync("/Staff/Tickets?team=Support")), StringComparison.Ordinal);
        var mail = Assert.Single(await new PickupMailbox(host).WaitForAsync("development@example.com", "Ticket transmis à l'équipe Développement"));
        Assert.Contains("Le pilote 4.2 plante à l'impression recto verso", mail.TextBody, StringComparison.Ordinal);

        await AgentActionAsync(agent, number, "HandOff", new() { ["Team"] = "Management", ["Note"] = "Client stratégique, suivi par la direction." });
        Assert.Contains("Niveau 3 · Direction", await StaffPanelAsync(agent, number), StringComparison.Ordinal);

        var report = Flat(await agent.GetStringAsync("/Staff/Reports/Escalations"));
        Assert.Contains("Rapport d'escalade", report, StringComparison.Ordinal);
        Assert.Contains("Transmissions : Développement", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_edits_the_chain_and_the_public_page_lists_it_in_order_support_desk_first()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        const string Page = "/Staff/Admin/Escalation";

        var refused = await admin.SubmitAsync(Page, new Dictionary<string, string>
        {
            ["Contact.Region"] = "Europe", ["Contact.Level"] = "2", ["Contact.Role"] = "CustomerServiceManager",
            ["Contact.Name"] = "Claire Martin", ["Contact.Phone"] = "+33 1 40 00 00 02", ["Contact.Email"] = "pas-une-adresse", ["Contact.Hours"] = "Lun–Ven 8h–18h",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = Flat(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Saisissez une adresse e-mail valide.", text, StringComparison.Ordinal);
        Assert.Contains("Un autre contact de cette région a déjà ce niveau.", text, StringComparison.Ordinal);

        // Replace the level-2 contact of Europe.
        var edit = await admin.GetStringAsync(Page + "?id=2");
        Assert.Contains("Customer-service manager Europe", edit, StringComparison.Ordinal);
        var saved = await admin.SubmitAsync(Page, new Dictionary<string, string>
        {
            ["Contact.Id"] = "2", ["Contact.Region"] = "Europe", ["Contact.Level"] = "2", ["Contact.Role"] = "CustomerServiceManager",
            ["Contact.Name"] = "Claire Martin", ["Contact.Phone"] = "+33 1 40 00 00 02", ["Contact.Email"] = "claire.martin@support.test", ["Contact.Hours"] = "Lun–Ven 8h–18h",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var visitor = StaffSession.Anonymous(host);
        var contacts = Flat(await visitor.GetStringAsync("/escalation/contacts"));
        var europe = contacts[contacts.IndexOf("Europe", StringComparison.Ordinal)..];
        var desk = europe.IndexOf("Centre de support — Support desk Europe", StringComparison.Ordinal);
        var manager = europe.IndexOf("Responsable du service client — Claire Martin", StringComparison.Ordinal);
        var director = europe.IndexOf("Directeur — Director Europe", StringComparison.Ordinal);
        Assert.True(desk >= 0 && desk < manager && manager < director, contacts);
        Assert.Contains("claire.martin@support.test", contacts, StringComparison.Ordinal);
        Assert.Contains("Amérique du Nord", contacts, StringComparison.Ordinal);
    }
}
