using System.Text.Json.Nodes;
using Support.Testing;

namespace Support.IntegrationTests.Incidents;

/// <summary>The module's event in the workflow designer, in the admin's language.</summary>
public sealed class IncidentDesignerTextsTests
{
    private static string EventName(JsonNode catalog) =>
        catalog["events"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "Incidents.ImpactDetermined")!["displayName"]!.GetValue<string>();

    [Fact]
    public async Task The_impact_determined_event_is_named_in_french_in_the_designer_and_in_english_for_english_admins()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        using var englishAdmin = await StaffSession.SignInAsync(host, language: "en");

        Assert.Equal("Impact de l'incident déterminé", EventName(JsonNode.Parse(await admin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!));
        Assert.Equal("Incident impact determined", EventName(JsonNode.Parse(await englishAdmin.GetStringAsync("/Staff/Admin/Workflows/activities.json"))!));
    }
}
