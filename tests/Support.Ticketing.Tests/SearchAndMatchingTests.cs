using Support.Ticketing.Domain;
using Support.Ticketing.Features.AgentConsole;
using Support.Ticketing.Features.TimeAccounting;

namespace Support.Ticketing.Tests;

public sealed class SearchAndMatchingTests
{
    [Theory]
    [InlineData("imprimante", "\"imprimante\"*")]
    [InlineData("  Imprimante   HORS-connexion ", "\"Imprimante\"* \"HORS\"* \"connexion\"*")]
    [InlineData("a\"b OR c*", "\"a\"* \"b\"* \"OR\"* \"c\"*")]
    public void Search_words_become_quoted_prefix_terms(string typed, string expected) =>
        Assert.Equal(expected, TicketSearch.MatchExpression(typed));

    [Theory]
    [InlineData("\" * ( ) :")]
    [InlineData("")]
    public void Punctuation_alone_searches_nothing(string typed) => Assert.Null(TicketSearch.MatchExpression(typed));

    [Theory]
    [InlineData("Société Générale", "societe generale")]
    [InlineData("  ACME   Industries ", "acme industries")]
    [InlineData("Acme-Industries.", "acme industries")]
    public void Company_names_match_whatever_the_case_accents_and_punctuation(string name, string normalized) =>
        Assert.Equal(normalized, Company.NormalizeName(name));

    [Fact]
    public void A_contract_is_in_force_until_its_end_date()
    {
        var company = new Company("Acme", DateTime.UtcNow);
        company.SetContract(true, new DateOnly(2026, 12, 31));
        Assert.True(company.ContractInForce(new DateOnly(2026, 12, 31)));
        Assert.False(company.ContractInForce(new DateOnly(2027, 1, 1)));
        company.SetContract(false, null);
        Assert.False(company.ContractInForce(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Time_report_csv_quotes_names_and_defuses_formulas()
    {
        var csv = TimeReportCsv.Write([new TimeReportRow("=cmd|' /C calc'!A0", false, 2026, 11, 90, 90), new TimeReportRow("Dupont \"et fils\"", true, 2026, 11, 30, 0)]);
        Assert.Equal(
            "company,maintenance_contract,month,total_minutes,billable_minutes,billable_hours\r\n" +
            "\"'=cmd|' /C calc'!A0\",no,2026-11,90,90,1.50\r\n" +
            "\"Dupont \"\"et fils\"\"\",yes,2026-11,30,0,0.00\r\n",
            csv);
    }
}
