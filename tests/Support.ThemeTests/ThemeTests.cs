using Support.Testing;

namespace Support.ThemeTests;

/// <summary>
/// In a test process of its own: after the hundred hosts of the integration tests had run in the same
/// process, the theme's file change was sometimes never seen (the same test passes alone, and one
/// host per process is how the product runs). It waits for a cold Razor compile, which on a two-core
/// machine shared with other test processes can take a while.
/// </summary>
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
