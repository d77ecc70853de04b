using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Support.Workflows.Expressions;

namespace Support.Workflows.Tests;

public sealed class ExpressionTests
{
    private static readonly JavaScriptEvaluator Evaluator = new(Options.Create(new ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(500), MemoryBytes = 4_000_000, MaxStatements = 100_000, MaxRecursion = 32 }));

    private static JsonNode? Run(string script, JsonObject? variables = null, JsonObject? evt = null) =>
        Evaluator.Evaluate(script, variables ?? [], evt, "42");

    [Fact]
    public void Expressions_read_the_variables_the_event_and_the_correlation()
    {
        var result = Run("event.severity === 'Critical' && variables.count > 2 ? correlationId : 'no'",
            new JsonObject { ["count"] = 3 }, new JsonObject { ["severity"] = "Critical" });
        Assert.Equal("42", result!.GetValue<string>());
    }

    [Fact]
    public void Objects_come_back_as_json()
    {
        var result = Run("({ team: 'Development', level: variables.level + 1 })", new JsonObject { ["level"] = 1 });
        Assert.Equal("{\"team\":\"Development\",\"level\":2}", result!.ToJsonString());
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'); }")]
    [InlineData("function f(n) { return f(n + 1); } f(0)")]
    [InlineData("undefinedFunction()")]
    [InlineData("this is not javascript")]
    public void Runaway_or_broken_expressions_fail_with_an_expression_error(string script)
    {
        var error = Assert.Throws<ExpressionException>(() => Run(script));
        Assert.Contains("failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expressions_cannot_reach_the_clr()
    {
        Assert.Throws<ExpressionException>(() => Run("System.IO.File.ReadAllText('/etc/passwd')"));
    }
}
