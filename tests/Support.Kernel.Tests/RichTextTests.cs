using Support.Kernel.Content;

namespace Support.Kernel.Tests;

public sealed class RichTextTests
{
    [Theory]
    [InlineData("<p>Hello <strong>bold</strong> <em>it</em> <u>under</u></p>")]
    [InlineData("<ul><li><p>one</p></li></ul><ol start=\"3\"><li><p>three</p></li></ol>")]
    [InlineData("<p class=\"indent-2\">indented</p>")]
    [InlineData("<table><tbody><tr><th><p>Head</p></th></tr><tr><td colspan=\"2\"><p>Cell</p></td></tr></tbody></table>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"screenshot\">")]
    public void The_editors_formatting_survives(string html) =>
        Assert.Equal(html, RichText.Sanitise(html).Html);

    [Theory]
    [InlineData("<p>a</p><script>alert(1)</script>", "<p>a</p>")]
    [InlineData("<p onclick=\"x()\">a</p>", "<p>a</p>")]
    [InlineData("<p style=\"position:fixed\">a</p>", "<p>a</p>")]
    [InlineData("<p class=\"indent-9 btn\">a</p>", "<p>a</p>")]
    [InlineData("<p>a</p><img src=\"x\" onerror=\"alert(1)\">", "<p>a</p>")]
    [InlineData("<p>a</p><img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "<p>a</p>")]
    [InlineData("<p>a</p><iframe src=\"https://evil.test/embed/x\"></iframe>", "<p>a</p>")]
    [InlineData("<p>a</p><form action=\"/x\"><input name=\"y\"></form>", "<p>a</p>")]
    public void Anything_that_could_run_or_restyle_the_page_is_removed(string html, string expected) =>
        Assert.Equal(expected, RichText.Sanitise(html).Html);

    [Fact]
    public void Javascript_links_lose_their_address_and_other_links_open_safely()
    {
        var html = RichText.Sanitise("<p><a href=\"javascript:alert(1)\">x</a> <a href=\"https://example.test/\">y</a></p>").Html;
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.test/\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">y</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Video_players_are_kept_sandboxed()
    {
        var html = RichText.Sanitise("<div class=\"rich-video\"><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" allowfullscreen></iframe></div>").Html;
        Assert.Contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"", html, StringComparison.Ordinal);
        Assert.Contains("sandbox=\"allow-scripts allow-same-origin allow-presentation\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_keeps_paragraphs_list_items_and_link_addresses()
    {
        var text = RichText.Sanitise("<p>Bonjour,</p><ul><li><p>un</p></li><li><p>deux</p></li></ul><p>voir <a href=\"https://doc.test/\">la doc</a></p>").Text;
        Assert.Equal("Bonjour,\n- un\n- deux\n\nvoir la doc <https://doc.test/>", text.Replace("\n\n- ", "\n- ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<p></p>")]
    [InlineData("<p>   </p><script>x</script>")]
    public void A_body_with_nothing_left_is_empty(string html) => Assert.True(RichText.Sanitise(html).IsEmpty);
}
