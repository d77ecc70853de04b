using System.Text.Json.Nodes;
using Support.Testing;

namespace Support.IntegrationTests.Escalation;

/// <summary>The module's activities and events in the workflow designer, in the admin's language.</summary>
public sealed class DesignerTextsTests
{
    private static readonly string[] Activities = ["Escalate", "NotifyEscalationContact", "WaitForAcknowledgement"];

    /// <summary>Every label and help text of the module's activities and events in the designer's catalogue, by activity type or event name.</summary>
    private static Dictionary<string, string> Texts(JsonNode catalog)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var activity in catalog["activities"]!.AsArray().Where(a => Activities.Contains(a!["type"]!.GetValue<string>())))
        {
            var type = activity!["type"]!.GetValue<string>();
            texts[type + ".category"] = activity["category"]!.GetValue<string>();
            texts[type + ".displayName"] = activity["displayName"]!.GetValue<string>();
            texts[type + ".description"] = activity["description"]!.GetValue<string>();
            foreach (var input in activity["inputs"]!.AsArray())
            {
                texts[$"{type}.{input!["name"]!.GetValue<string>()}.displayName"] = input["displayName"]!.GetValue<string>();
                texts[$"{type}.{input["name"]!.GetValue<string>()}.description"] = input["description"]!.GetValue<string>();
            }
        }

        foreach (var e in catalog["events"]!.AsArray().Where(e => e!["name"]!.GetValue<string>().StartsWith("Escalation.", StringComparison.Ordinal)))
        {
            texts[e!["name"]!.GetValue<string>()] = e["displayName"]!.GetValue<string>();
        }

        return texts;
    }

    [Fact]
    public async Task The_escalation_events_and_activities_are_named_in_french_in_the_designer_and_in_english_for_english_admins()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        var french = Texts(JsonNode.Parse(await admin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!);
        using var englishAdmin = await StaffSession.SignInAsync(host, language: "en");
        var english = Texts(JsonNode.Parse(await englishAdmin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!);

        Assert.Equal("Escalade demandée par le client", french["Escalation.EscalationRequested"]);
        Assert.Equal("Escalade : accusé de réception", french["Escalation.EscalationAcknowledged"]);
        Assert.Equal("Ticket transmis à une équipe d'experts", french["Escalation.TicketHandedOff"]);
        Assert.Equal("Escalation requested by the customer", english["Escalation.EscalationRequested"]);
        Assert.Equal("Escalade", french["Escalate.category"]);
        Assert.Equal("Délai d'accusé de réception", french["WaitForAcknowledgement.Timeout.displayName"]);

        // The same texts in both catalogues, and none left in English in the French one.
        Assert.Equal(english.Keys.Order(), french.Keys.Order());
        Assert.Equal(5 + (3 * 3) + 4, french.Count);
        Assert.Empty(french.Where(t => english[t.Key] == t.Value).Select(t => t.Key));
    }
}
