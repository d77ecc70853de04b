using Support.Testing;

namespace Support.IntegrationTests.Escalation;

/// <summary>French is the reference wording: every text the Escalation module shows must have it.</summary>
public sealed class FrenchWordingTests
{
    [Fact]
    public void Every_text_of_the_escalation_module_has_a_french_translation() =>
        Assert.Empty(FrenchWording.UntranslatedTexts("Escalation"));
}
