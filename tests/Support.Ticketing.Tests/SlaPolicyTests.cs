using Support.Ticketing.Contracts;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.Sla;

namespace Support.Ticketing.Tests;

public sealed class SlaPolicyTests
{
    private static SlaPolicy Policy(string name, TicketSeverity severity, SlaContractCondition contract = SlaContractCondition.Any, long? topic = null) =>
        new(name, severity) { Contract = contract, HelpTopicId = topic };

    [Fact]
    public void The_most_specific_matching_policy_of_the_ticket_severity_applies()
    {
        var policies = new[]
        {
            Policy("Normale", TicketSeverity.Normal),
            Policy("Normale sous contrat", TicketSeverity.Normal, SlaContractCondition.WithContract),
            Policy("Normale serveurs", TicketSeverity.Normal, topic: 5),
            Policy("Critique", TicketSeverity.Critical),
        };

        Assert.Equal("Normale", SlaPolicy.Choose(policies, TicketSeverity.Normal, contractInForce: false, helpTopicId: 2)!.Name);
        Assert.Equal("Normale sous contrat", SlaPolicy.Choose(policies, TicketSeverity.Normal, contractInForce: true, helpTopicId: 2)!.Name);
        Assert.Equal("Normale serveurs", SlaPolicy.Choose(policies, TicketSeverity.Normal, contractInForce: true, helpTopicId: 5)!.Name);
        Assert.Equal("Critique", SlaPolicy.Choose(policies, TicketSeverity.Critical, contractInForce: true, helpTopicId: 5)!.Name);
        Assert.Null(SlaPolicy.Choose(policies, TicketSeverity.Serious, contractInForce: true, helpTopicId: 5));
        Assert.Null(SlaPolicy.Choose([Policy("Sans contrat", TicketSeverity.Normal, SlaContractCondition.WithoutContract)], TicketSeverity.Normal, contractInForce: true, helpTopicId: 1));
    }

    [Theory]
    [InlineData("4:00", 240)]
    [InlineData("0:30", 30)]
    [InlineData(" 40:00 ", 2400)]
    [InlineData("8784:00", 8784 * 60)]
    [InlineData("0:00", null)]
    [InlineData("4", null)]
    [InlineData("4h", null)]
    [InlineData("4:5", null)]
    [InlineData("4:60", null)]
    [InlineData("-1:00", null)]
    [InlineData("8785:00", null)]
    [InlineData(null, null)]
    public void Targets_are_written_as_hours_and_minutes(string? text, int? minutes)
    {
        Assert.Equal(minutes, SlaDuration.Minutes(text));
        if (minutes is { } value)
        {
            Assert.Equal(text!.Trim(), SlaDuration.Format(value));
        }
    }
}
