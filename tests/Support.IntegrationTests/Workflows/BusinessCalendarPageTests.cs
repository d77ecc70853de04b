using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using Support.Workflows.Data;

namespace Support.IntegrationTests.Workflows;

public sealed class BusinessCalendarPageTests
{
    private const string Page = "/Staff/Admin/Workflows/Calendars";

    /// <summary>The page's text as a reader sees it: tags removed, white space collapsed.</summary>
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(Ticketing.TicketingScenario.Text(html), @"\s+", " ");

    private static Dictionary<string, string> Form(string name, string zone, string holidays, params string[] hours)
    {
        var form = new Dictionary<string, string> { ["Calendar.Name"] = name, ["Calendar.TimeZone"] = zone, ["Calendar.Holidays"] = holidays };
        for (var i = 0; i < 7; i++)
        {
            form[$"Calendar.Hours[{i}]"] = hours.ElementAtOrDefault(i) ?? "";
        }

        return form;
    }

    private static Task<int> StoredCountAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().BusinessCalendars.CountAsync();
    }

    [Fact]
    public async Task Admin_sees_the_built_in_calendars_and_edits_support_hours_with_holidays()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);

        var list = Text(await admin.GetStringAsync(Page));
        Assert.Contains("Support hours Europe/Paris 40 h 0 Intégré", list, StringComparison.Ordinal);
        Assert.Contains("24/7 Etc/UTC 168 h 0 Intégré", list, StringComparison.Ordinal);
        var form = await admin.GetStringAsync(Page + "?name=Support%20hours");
        Assert.Contains("value=\"09:00-17:00\"", form, StringComparison.Ordinal);

        var edit = Form("Support hours", "Europe/Paris", "2026-12-24\n12-25", "08:00-12:00, 13:30-18:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00");
        edit["Calendar.Editing"] = "Support hours";
        var saved = await admin.SubmitAsync(Page + "?name=Support%20hours", edit, Page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Text(await admin.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("Le calendrier « Support hours » a été enregistré.", after, StringComparison.Ordinal);
        Assert.Contains("Support hours Europe/Paris 40:30 h 2 Intégré, modifié", after, StringComparison.Ordinal);
        var reopened = await admin.GetStringAsync(Page + "?name=Support%20hours");
        Assert.Contains("value=\"08:00-12:00, 13:30-18:00\"", reopened, StringComparison.Ordinal);
        Assert.Contains("2026-12-24\n12-25</textarea>", WebUtility.HtmlDecode(reopened), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_calendar_input_is_refused_with_a_message_for_each_mistake_and_nothing_is_stored()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);

        var refused = await admin.SubmitAsync(Page, Form("Astreinte", "Europe/Pariss", "2026-02-30\nNoël", "09:00-17:00", "17:00-09:00", "9h-12h", "09:00-12:00, 11:00-14:00"), Page);
        var text = Text(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Fuseau horaire inconnu « Europe/Pariss » : utilisez un nom tel que Europe/Paris.", text, StringComparison.Ordinal);
        Assert.Contains("mardi : écrivez les heures ouvrées sous la forme 09:00-17:00", text, StringComparison.Ordinal);
        Assert.Contains("mercredi : écrivez les heures ouvrées", text, StringComparison.Ordinal);
        Assert.Contains("jeudi : écrivez les heures ouvrées", text, StringComparison.Ordinal);
        Assert.DoesNotContain("lundi : écrivez", text, StringComparison.Ordinal);
        Assert.Contains("Jour férié « 2026-02-30 » : écrivez une date", text, StringComparison.Ordinal);
        Assert.Contains("Jour férié « Noël » : écrivez une date", text, StringComparison.Ordinal);

        var empty = await admin.SubmitAsync(Page, Form("", "Europe/Paris", ""), Page);
        var emptyText = Text(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Le calendrier doit avoir un nom.", emptyText, StringComparison.Ordinal);
        Assert.Contains("Le calendrier n'a aucune heure ouvrée.", emptyText, StringComparison.Ordinal);

        var duplicate = await admin.SubmitAsync(Page, Form("24/7", "Etc/UTC", "", "00:00-24:00"), Page);
        Assert.Contains("Un calendrier porte déjà ce nom.", Text(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(0, await StoredCountAsync(host));

        var added = await admin.SubmitAsync(Page, Form("Astreinte", "America/Montreal", "", "", "", "", "", "", "08:00-20:00", "08:00-20:00"), Page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Astreinte America/Montreal 24 h 0 Ajouté par un administrateur", Text(await admin.GetStringAsync(Page)), StringComparison.Ordinal);
        Assert.Equal(1, await StoredCountAsync(host));
    }
}
