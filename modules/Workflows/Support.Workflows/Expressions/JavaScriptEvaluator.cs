using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace Support.Workflows.Expressions;

/// <summary>Limits on what one expression may consume (section <c>Workflows:Expressions</c>).</summary>
internal sealed class ExpressionLimits
{
    public const string SectionName = "Workflows:Expressions";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    public long MemoryBytes { get; set; } = 8 * 1024 * 1024;

    public int MaxStatements { get; set; } = 50_000;

    public int MaxRecursion { get; set; } = 64;
}

/// <summary>A JavaScript expression failed: a syntax error, an exception it threw, or a limit it hit.</summary>
internal sealed class ExpressionException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Evaluates JavaScript expressions with Jint, in strict mode and within time, memory, statement and recursion
/// limits; <c>variables</c>, <c>event</c> and <c>correlationId</c> are in scope.
/// </summary>
internal sealed class JavaScriptEvaluator
{
    /// <summary>Scripts held parsed; the definitions' expressions are few, so the cache is emptied only if it grows past this.</summary>
    private const int MaxPreparedScripts = 1024;

    private readonly ExpressionLimits _limits;

    /// <summary>Parsed and analysed scripts, shared by the engines (a prepared script is immutable and thread-safe).</summary>
    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);

    public JavaScriptEvaluator(IOptions<ExpressionLimits> limits) => _limits = limits.Value;

    /// <summary>Evaluates <paramref name="script"/> and returns its value as JSON (null for undefined and null).</summary>
    public JsonNode? Evaluate(string script, JsonObject variables, JsonObject? triggeringEvent, string? correlationId)
    {
        var engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(_limits.Timeout)
            .LimitMemory(_limits.MemoryBytes)
            .MaxStatements(_limits.MaxStatements)
            .LimitRecursion(_limits.MaxRecursion));
        try
        {
            var parser = new JsonParser(engine);
            engine.SetValue("variables", parser.Parse(variables.ToJsonString()));
            engine.SetValue("event", triggeringEvent is null ? JsValue.Null : parser.Parse(triggeringEvent.ToJsonString()));
            engine.SetValue("correlationId", correlationId is null ? JsValue.Null : new JsString(correlationId));
            var result = engine.Evaluate(Prepare(script));
            if (result.IsUndefined() || result.IsNull())
            {
                return null;
            }

            var json = new JsonSerializer(engine).Serialize(result, JsValue.Undefined, JsValue.Undefined);
            return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
        }
        catch (Exception exception) when (exception is JavaScriptException or TimeoutException or MemoryLimitExceededException
            or StatementsCountOverflowException or RecursionDepthOverflowException or Acornima.ParseErrorException or JintException)
        {
            throw new ExpressionException($"The expression \"{Shorten(script)}\" failed: {exception.Message}", exception);
        }
    }

    private Prepared<Script> Prepare(string script)
    {
        if (_prepared.TryGetValue(script, out var prepared))
        {
            return prepared;
        }

        prepared = Engine.PrepareScript(script, strict: true);
        if (_prepared.Count >= MaxPreparedScripts)
        {
            _prepared.Clear();
        }

        _prepared[script] = prepared;
        return prepared;
    }

    private static string Shorten(string script) => script.Length <= 80 ? script : script[..77] + "...";
}
