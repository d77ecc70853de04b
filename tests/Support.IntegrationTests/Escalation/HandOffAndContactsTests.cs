using System.Net;
using Support.Testing;
using static Support.IntegrationTests.Escalation.EscalationScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>Agents' hand-offs to expert teams, the admin's contact chains and the public contacts page, the report.</summary>
public sealed class HandOffAndContactsTests
{
    [Fact]
    public async Task Agent_hands_a_ticket_off_to_development_with_a_note_the_team_is_emailed_and_gets_the_ticket()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host);
        var before = await StaffPanelAsync(agent, number);
        Assert.Contains("Niveau 1", before, StringComparison.Ordinal);
        Assert.Contains("Le ticket sera assigné à cette équipe : il quitte son agent et passe dans la file de l'équipe. Escalader et assigner à l'équipe", before, StringComparison.Ordinal);

        await AgentActionAsync(agent, number, "HandOff", new() { ["Team"] = "Development", ["Note"] = "" });
        var panel = await StaffPanelAsync(agent, number);
        Assert.Contains("Rédigez la note de transmission", panel, StringComparison.Ordinal);
        Assert.Contains("Niveau 1", panel, StringComparison.Ordinal);

        Assert.DoesNotContain("Escalade vers l'équipe", await AuditTrailAsync(agent, number), StringComparison.Ordinal);

        await AgentActionAsync(agent, number, "HandOff", new() { ["Team"] = "Development", ["Note"] = "Le pilote 4.2 plante à l'impression recto verso ; journaux joints au ticket." });
        panel = await StaffPanelAsync(agent, number);
        Assert.Contains("Le ticket a été transmis et assigné à l'équipe, qui a été prévenue par e-mail.", panel, StringComparison.Ordinal);
        Assert.Contains("Niveau 2 · Développement", panel, StringComparison.Ordinal);
        Assert.Contains("niveau 2 : Développement — Le pilote 4.2 plante", panel, StringComparison.Ordinal);
        var audit = await AuditTrailAsync(agent, number);
        Assert.Contains("Escalade vers l'équipe Développement (niveau 2) : le ticket est assigné à l'équipe", audit, StringComparison.Ordinal);
        Assert.Contains("Équipe : Support → Développement", audit, StringComparison.Ordinal);
        using (var english = await StaffSession.SignInAsync(host, language: "en"))
        {
            Assert.Contains("Escalated to the Development team (level 2): the ticket is assigned to the team", await AuditTrailAsync(english, number), StringComparison.Ordinal);
        }

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

        // Both regions, each from its support desk up.
        var northAmerica = contacts[contacts.IndexOf("Amérique du Nord", StringComparison.Ordinal)..];
        var naDesk = northAmerica.IndexOf("Centre de support — Support desk North America", StringComparison.Ordinal);
        var naManager = northAmerica.IndexOf("Responsable du service client — Customer-service manager North America", StringComparison.Ordinal);
        var naDirector = northAmerica.IndexOf("Directeur — Director North America", StringComparison.Ordinal);
        Assert.True(naDesk >= 0 && naDesk < naManager && naManager < naDirector, contacts);
        Assert.Contains("+1 555 000 0001", northAmerica, StringComparison.Ordinal);
    }
}
