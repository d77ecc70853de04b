using Support.Testing;

namespace Support.IntegrationTests;

/// <summary>
/// Runs alone, after the parallel tests: it waits for a cold Razor compile, which on a two-core machine
/// shared with dozens of hosts can take minutes.
/// </summary>
[Collection(nameof(ThemeCompilation))]
public sealed class ThemeTests
{
    [Fact]
    public async Task Operator_copy_of_a_portal_view_in_themes_replaces_the_built_in_one_without_a_rebuild()
    {
        await using var host = new SupportHostFactory();
        using var client = host.CreateClient();
        Assert.Contains("Bienvenue", await client.GetStringAsync("/"), StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(host.ThemesFolder, "Pages"));
        await File.WriteAllTextAsync(Path.Combine(host.ThemesFolder, "Pages", "Index.cshtml"), """
            @page
            @{ ViewData["Title"] = "Acme"; }
            <h1>Acme IT support, at your service</h1>
            <p>@DateTime.UtcNow.Year</p>
            """);

        var themed = await Eventually.WaitForAsync(
            () => client.GetStringAsync("/"),
            page => page.Contains("Acme IT support, at your service", StringComparison.Ordinal),
            "the themed view",
            TimeSpan.FromSeconds(120));
        Assert.Contains("<nav", themed, StringComparison.Ordinal);
        Assert.DoesNotContain("Bienvenue", themed, StringComparison.Ordinal);
    }
}

/// <summary>The collection of tests that must not share the machine with the parallel ones.</summary>
[CollectionDefinition(nameof(ThemeCompilation), DisableParallelization = true)]
public sealed class ThemeCompilation;
