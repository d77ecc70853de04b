using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Snapshooter.Xunit;
using Support.Testing;

namespace Support.IntegrationTests;

public sealed class HostTests : IClassFixture<HostTests.SharedHost>
{
    private readonly SupportHostFactory _host;

    public HostTests(SharedHost host) => _host = host.Factory;

    [Fact]
    public async Task Health_endpoint_reports_the_host_and_its_database_healthy()
    {
        using var client = _host.CreateClient();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains(body.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
    }

    [Fact]
    public async Task Each_module_has_its_prefixed_tables_and_migrations_history_in_one_sqlite_file()
    {
        _ = _host.Services;
        var tables = await ReadAsync(_host.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

        Snapshot.Match(tables);
    }

    [Fact]
    public async Task Database_uses_write_ahead_logging_and_foreign_keys()
    {
        _ = _host.Services;
        var journal = await ReadAsync(_host.DatabasePath, "PRAGMA journal_mode");

        Assert.Equal(["wal"], journal);
    }

    [Fact]
    public async Task Portal_speaks_french_by_default_and_english_to_an_english_browser()
    {
        using var french = StaffSession.Anonymous(_host, "fr-FR");
        using var english = StaffSession.Anonymous(_host, "en-GB");

        var frenchHome = await french.GetStringAsync("/");
        var englishHome = await english.GetStringAsync("/");

        Assert.Contains(">Accueil</a>", frenchHome, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", frenchHome, StringComparison.Ordinal);
        Assert.Contains(">Home</a>", englishHome, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", englishHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitor_switches_the_language_and_it_is_remembered()
    {
        using var session = StaffSession.Anonymous(_host, "fr-FR");

        var switched = await session.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "/Culture?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);

        var home = await session.GetStringAsync("/");
        Assert.Contains(">Home</a>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_switch_never_redirects_off_site()
    {
        using var session = StaffSession.Anonymous(_host);

        var response = await session.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "/Culture?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_nosniff()
    {
        using var client = _host.CreateClient();
        var response = await client.GetAsync("/");

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/tickets/new")]
    [InlineData("/tickets/status")]
    [InlineData("/Staff/Login")]
    public async Task Forms_carry_no_inline_style_the_policy_would_refuse(string path)
    {
        // The policy allows no inline style attribute: an empty validation summary used to carry one.
        using var client = _host.CreateClient();
        var page = await client.GetStringAsync(path);

        Assert.Contains("<form", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundled_bootstrap_styles_and_scripts_are_served_from_the_web_root()
    {
        using var client = _host.CreateClient();
        var home = await client.GetStringAsync("/");
        Assert.Contains("/dist/site.css", home, StringComparison.Ordinal);

        var css = await client.GetAsync("/dist/site.css");
        var js = await client.GetAsync("/dist/site.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bootstrap", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Fact]
    public async Task Unknown_page_answers_404_with_the_portal_error_page()
    {
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<List<string>> ReadAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public sealed class SharedHost : IAsyncLifetime
    {
        public SupportHostFactory Factory { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
