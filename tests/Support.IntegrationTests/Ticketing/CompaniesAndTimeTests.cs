using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Host.Identity;
using Support.Kernel.Staff;
using Support.Testing;
using Support.Ticketing.Contracts;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed class CompaniesAndTimeTests
{
    private static Task<HttpResponseMessage> SaveCompanyAsync(StaffSession admin, string name, string? domain, bool contract, string? endsOn = null, string? id = null, string? region = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.EmailDomain"] = domain ?? "",
            ["Input.HasMaintenanceContract"] = contract ? "true" : "false",
            ["Input.ContractEndsOn"] = endsOn ?? "",
            ["Input.Region"] = region ?? "",
        };
        if (id is not null)
        {
            fields["Input.Id"] = id;
        }

        return admin.SubmitAsync("/Staff/Companies", fields);
    }

    private static Task<HttpResponseMessage> RecordTimeAsync(StaffSession agent, string number, int minutes, string note, bool? billable = null, string? workedOn = null)
    {
        var fields = new Dictionary<string, string> { ["Time.Minutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Time.Note"] = note, ["Time.WorkedOn"] = workedOn ?? "" };
        if (billable is { } value)
        {
            fields["Time.Billable"] = value ? "true" : "false";
        }

        return agent.SubmitAsync($"/Staff/Tickets/{number}", fields, $"/Staff/Tickets/{number}?handler=Time");
    }

    [Fact]
    public async Task An_agent_looks_companies_up_and_only_an_admin_adds_or_changes_one()
    {
        await using var host = new SupportHostFactory();
        await StaffIdentityTests.CreateStaffAsync(host, "agent@support.test", "agent-password-123", StaffRoles.Agent);
        using var admin = await StaffSession.SignInAsync(host);
        using var agent = await StaffSession.SignInAsync(host, "agent@support.test", "agent-password-123");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCompanyAsync(admin, "Acme Industries", "acme.test", contract: true)).StatusCode);
        var id = await QueryAsync(host, db => db.Companies.Select(c => c.Id).SingleAsync());

        // The agent sees the list and the contract, with no form and no "edit" link.
        var page = await agent.GetStringAsync($"/Staff/Companies?edit={id}");
        Assert.Contains("Acme Industries", page, StringComparison.Ordinal);
        Assert.Contains("Les sociétés et leurs contrats sont ajoutés et modifiés par un administrateur.", Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("company-form", page, StringComparison.Ordinal);
        Assert.DoesNotContain("?edit=", page, StringComparison.Ordinal);

        // A form posted anyway (a new company, or the contract taken away) is refused and changes nothing.
        var refused = await agent.SubmitAsync("/Staff/Tickets", new Dictionary<string, string>
        {
            ["Input.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "Acme Industries",
            ["Input.HasMaintenanceContract"] = "false",
        }, "/Staff/Companies");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Staff/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var added = await agent.SubmitAsync("/Staff/Tickets", new Dictionary<string, string> { ["Input.Name"] = "Société Pirate" }, "/Staff/Companies");
        Assert.Contains("/Staff/AccessDenied", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var companies = await QueryAsync(host, db => db.Companies.Select(c => new { c.Name, c.HasMaintenanceContract }).ToListAsync());
        Assert.Equal("Acme Industries", Assert.Single(companies).Name);
        Assert.True(companies[0].HasMaintenanceContract);

        // The admin still has the form.
        Assert.Contains("company-form", await admin.GetStringAsync($"/Staff/Companies?edit={id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_are_matched_to_companies_by_name_and_by_email_domain()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCompanyAsync(admin, "Société Générale d'Études", "sge.test", contract: true)).StatusCode);

        await OpenTicketAsync(host, f => { f["Input.Company"] = "societe generale d'etudes"; f["Input.Email"] = "a@other.test"; });
        await OpenTicketAsync(host, f => { f["Input.Company"] = "SGE"; f["Input.Email"] = "b@sge.test"; });
        await OpenTicketAsync(host, f => { f["Input.Company"] = "Nouvelle Société"; f["Input.Email"] = "c@nouvelle.test"; });

        var companies = await QueryAsync(host, db => db.Tickets.OrderBy(t => t.Id).Select(t => t.CompanyName).ToListAsync());
        Assert.Equal(["Société Générale d'Études", "Société Générale d'Études", "Nouvelle Société"], companies);
        Assert.Equal(2, await QueryAsync(host, db => db.Companies.CountAsync()));
        var list = Text(await admin.GetStringAsync("/Staff/Companies"));
        Assert.Contains("Nouvelle Société", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_is_given_a_region_from_the_list_and_an_unknown_region_is_refused()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCompanyAsync(admin, "Maple Logistics", "maple.test", contract: true, region: "NorthAmerica")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCompanyAsync(admin, "Sans Région", null, contract: false)).StatusCode);
        var id = await QueryAsync(host, db => db.Companies.Where(c => c.Name == "Maple Logistics").Select(c => c.Id).SingleAsync());

        var list = Text(await admin.GetStringAsync("/Staff/Companies"));
        Assert.Contains("Maple Logistics maple.test Oui Amérique du Nord", System.Text.RegularExpressions.Regex.Replace(list, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("Sans Région — Non (facturable) Région par défaut", System.Text.RegularExpressions.Regex.Replace(list, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("<option value=\"NorthAmerica\" selected=\"selected\">Amérique du Nord</option>", await admin.GetStringAsync($"/Staff/Companies?edit={id}"), StringComparison.Ordinal);

        foreach (var unknown in new[] { "Mars", "7" })
        {
            var refused = await SaveCompanyAsync(admin, "Maple Logistics", "maple.test", contract: true, id: id.ToString(System.Globalization.CultureInfo.InvariantCulture), region: unknown);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Choisissez une région dans la liste.", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(SupportRegion.NorthAmerica, await QueryAsync(host, db => db.Companies.Where(c => c.Id == id).Select(c => c.Region).SingleAsync()));

        // Back to the installation's default.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCompanyAsync(admin, "Maple Logistics", "maple.test", contract: true, id: id.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
        Assert.Null(await QueryAsync(host, db => db.Companies.Where(c => c.Id == id).Select(c => c.Region).SingleAsync()));
    }

    [Fact]
    public async Task A_company_name_already_taken_is_refused()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");
        await SaveCompanyAsync(admin, "Acme", null, contract: false);
        var second = await SaveCompanyAsync(admin, "ACME", null, contract: false);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Another company already has this name.", Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(host, db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task Time_is_billable_by_default_only_without_a_maintenance_contract_and_reported_per_company_and_month()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host, language: "en");
        await SaveCompanyAsync(admin, "Contracted Ltd", null, contract: true, endsOn: "2099-12-31");
        var contracted = await OpenTicketAsync(host, f => f["Input.Company"] = "Contracted Ltd");
        var billable = await OpenTicketAsync(host, f => f["Input.Company"] = "=HYPERLINK(\"http://evil.test\")");

        Assert.Contains("maintenance contract", Text(await admin.GetStringAsync($"/Staff/Tickets/{contracted}")), StringComparison.Ordinal);
        Assert.Contains("name=\"Time.Billable\" value=\"true\" />", await admin.GetStringAsync($"/Staff/Tickets/{billable}"), StringComparison.Ordinal);

        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordTimeAsync(admin, contracted, 45, "Remote session", workedOn: today)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordTimeAsync(admin, billable, 90, "Printer driver", billable: true, workedOn: today)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordTimeAsync(admin, billable, 30, "Follow-up call", billable: true, workedOn: today)).StatusCode);

        var entries = await QueryAsync(host, db => db.TimeEntries.OrderBy(e => e.Id).Select(e => new { e.Minutes, e.Billable }).ToListAsync());
        Assert.Equal([(45, false), (90, true), (30, true)], entries.Select(e => (e.Minutes, e.Billable)));
        Assert.Contains("recorded 90 min (billable time)", Text(await admin.GetStringAsync($"/Staff/Tickets/{billable}")), StringComparison.Ordinal);

        var report = await admin.GetStringAsync($"/Staff/Reports/Time?from={month}&to={month}");
        Assert.Contains("data-testid=\"billable-total\">2.00<", report, StringComparison.Ordinal);

        var csv = await admin.GetAsync($"/Staff/Reports/Time?handler=Csv&from={month}&to={month}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("company,maintenance_contract,month,total_minutes,billable_minutes,billable_hours", lines[0]);
        Assert.Contains($"\"Contracted Ltd\",yes,{month},45,0,0.00", lines);
        Assert.Contains($"\"'=HYPERLINK(\"\"http://evil.test\"\")\",no,{month},120,120,2.00", lines);
    }

    [Fact]
    public async Task Time_out_of_range_is_refused()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var response = await RecordTimeAsync(agent, number, 0, "nothing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the time spent in minutes, from 1 to 1440.", Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(host, db => db.TimeEntries.CountAsync()));
    }

    [Fact]
    public async Task Admins_edit_help_topics_and_the_portal_offers_the_active_ones()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        var added = await admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string>
        {
            ["Topic.Key"] = "vpn", ["Topic.NameFr"] = "Accès VPN", ["Topic.NameEn"] = "VPN access", ["Topic.SortOrder"] = "5", ["Topic.Active"] = "true",
        }, "/Staff/Admin/Ticketing?handler=Topic");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var retired = await admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string>
        {
            ["Topic.Id"] = "6", ["Topic.NameFr"] = "Téléphonie", ["Topic.NameEn"] = "Telephony", ["Topic.SortOrder"] = "60", ["Topic.Active"] = "false",
        }, "/Staff/Admin/Ticketing?handler=Topic");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        using var customer = StaffSession.Anonymous(host, "fr");
        var form = await customer.GetStringAsync("/tickets/new");
        Assert.Contains(">Accès VPN</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(">Téléphonie</option>", form, StringComparison.Ordinal);
        Assert.True(form.IndexOf("Accès VPN", StringComparison.Ordinal) < form.IndexOf("Boîte mail", StringComparison.Ordinal));

        // A form sent with the retired topic (a page opened before it was retired) is refused.
        var stale = await TicketingScenario.SubmitNewTicketAsync(customer, TicketingScenario.NewTicketForm(f => f["Input.HelpTopicId"] = "6"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Choisissez une rubrique d'aide dans la liste.", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(host, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Team_members_receive_their_team_notifications()
    {
        await using var host = new SupportHostFactory();
        using var admin = await StaffSession.SignInAsync(host);
        await admin.SubmitAsync("/Staff/Admin/Staff", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Agent Support", ["Input.Email"] = "agent@support.test", ["Input.Password"] = "another-long-password", ["Input.Role"] = "Agent",
        });
        string agentId;
        using (var scope = host.Services.CreateScope())
        {
            var staff = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ListAsync(CancellationToken.None);
            agentId = staff.Single(s => s.Email == "agent@support.test").Id;
        }

        var saved = await admin.SubmitAsync("/Staff/Admin/Ticketing", new Dictionary<string, string> { ["member"] = "Support:" + agentId }, "/Staff/Admin/Ticketing?handler=Teams");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var number = await OpenTicketAsync(host);
        await new PickupMailbox(host).WaitForAsync("agent@support.test", $"Nouveau ticket [#{number}]");
        Assert.DoesNotContain(new PickupMailbox(host).To(SupportHostFactory.AdminEmail), m => m.Subject!.Contains(number, StringComparison.Ordinal));
    }
}
