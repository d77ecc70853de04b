using Support.Testing;

namespace Support.Ticketing.Tests;

/// <summary>French is the reference wording: every text the module shows must have it.</summary>
public sealed class FrenchWordingTests
{
    [Fact]
    public void Every_text_of_the_module_has_a_french_translation() =>
        Assert.Empty(FrenchWording.UntranslatedTexts("Ticketing"));
}
