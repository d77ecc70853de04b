using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed partial class SlaPolicyTests
{
    private const string Page = "/Staff/Admin/Sla";

    private static string Flat(string html) => Spaces().Replace(Text(html), " ");

    private static Dictionary<string, string> Policy(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Policy.Name"] = "Normal — clients sous contrat",
            ["Policy.Severity"] = "Normal",
            ["Policy.Contract"] = "WithContract",
            ["Policy.HelpTopicId"] = "",
            ["Policy.FirstResponse"] = "2:00",
            ["Policy.NextResponse"] = "3:30",
            ["Policy.Resolution"] = "16:00",
            ["Policy.Calendar"] = "Support hours",
            ["Policy.WarningPercent"] = "80",
        };
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task A_new_installation_has_the_product_targets_and_an_admin_adds_a_policy_for_companies_under_contract()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);

        var page = Flat(await admin.GetStringAsync(Page));
        Assert.Contains("Critique Critique Toutes les sociétés Toutes les rubriques d'aide 1:00 1:00 8:00 24/7 75 %", page, StringComparison.Ordinal);
        Assert.Contains("Sérieuse Sérieuse Toutes les sociétés Toutes les rubriques d'aide 2:00 2:00 24:00 24/7 75 %", page, StringComparison.Ordinal);
        Assert.Contains("Normale Normale Toutes les sociétés Toutes les rubriques d'aide 4:00 4:00 40:00 Support hours 75 %", page, StringComparison.Ordinal);

        var saved = await admin.SubmitAsync(Page, Policy(), Page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Flat(await admin.GetStringAsync(Page));
        Assert.Contains("La politique a été enregistrée.", after, StringComparison.Ordinal);
        Assert.Contains("Normal — clients sous contrat Normale Avec un contrat de maintenance Toutes les rubriques d'aide 2:00 3:30 16:00 Support hours 80 %", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_policy_input_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);

        var refused = await admin.SubmitAsync(Page, Policy(f =>
        {
            f["Policy.Name"] = "";
            f["Policy.FirstResponse"] = "4h";
            f["Policy.NextResponse"] = "0:00";
            f["Policy.Resolution"] = "10:75";
            f["Policy.Calendar"] = "Lune";
            f["Policy.WarningPercent"] = "150";
        }), Page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = Flat(await refused.Content.ReadAsStringAsync());
        Assert.Contains("La politique doit avoir un nom.", text, StringComparison.Ordinal);
        Assert.Contains("Première réponse : écrivez l'objectif en heures et minutes", text, StringComparison.Ordinal);
        Assert.Contains("Réponse suivante : écrivez l'objectif en heures et minutes", text, StringComparison.Ordinal);
        Assert.Contains("Résolution : écrivez l'objectif en heures et minutes", text, StringComparison.Ordinal);
        Assert.Contains("Choisissez un calendrier ouvré dans la liste.", text, StringComparison.Ordinal);
        Assert.Contains("Le seuil d'alerte est un pourcentage de l'objectif entre 1 et 99.", text, StringComparison.Ordinal);

        var duplicate = await admin.SubmitAsync(Page, Policy(f => f["Policy.Contract"] = "Any"), Page);
        Assert.Contains("Une autre politique s'applique déjà à cette sévérité avec les mêmes conditions.", Flat(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var unknownTopic = await admin.SubmitAsync(Page, Policy(f => f["Policy.HelpTopicId"] = "999"), Page);
        Assert.Contains("Choisissez une rubrique d'aide dans la liste.", Flat(await unknownTopic.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(3, await QueryAsync(host, db => db.SlaPolicies.CountAsync()));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
