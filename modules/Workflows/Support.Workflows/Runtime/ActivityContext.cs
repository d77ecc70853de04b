using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Support.Workflows.Contracts;
using Support.Workflows.Definitions;
using Support.Workflows.Expressions;

namespace Support.Workflows.Runtime;

/// <summary>The running activity's view of its inputs and of the instance.</summary>
internal sealed class ActivityContext : IActivityContext
{
    private readonly ActivityDocument _activity;
    private readonly IReadOnlyList<InputDescriptor> _inputs;
    private readonly InstanceState _state;
    private readonly JavaScriptEvaluator _javaScript;

    public ActivityContext(ActivityDocument activity, IReadOnlyList<InputDescriptor> inputs, InstanceState state, JavaScriptEvaluator javaScript, string? correlationId, DateTime utcNow, IServiceProvider services)
    {
        _activity = activity;
        _inputs = inputs;
        _state = state;
        _javaScript = javaScript;
        CorrelationId = correlationId;
        UtcNow = utcNow;
        Services = services;
    }

    public string ActivityId => _activity.Id;

    public string? CorrelationId { get; }

    public DateTime UtcNow { get; }

    public IServiceProvider Services { get; }

    public string? RawInput(string name) =>
        _activity.Inputs.TryGetValue(name, out var input) && !string.IsNullOrEmpty(input.Expression.Value)
            ? input.Expression.Value
            : _inputs.FirstOrDefault(i => i.Name == name)?.DefaultValue;

    public string? GetText(string name) => AsText(GetNode(name));

    public bool GetBoolean(string name)
    {
        var node = GetNode(name);
        return node switch
        {
            null => false,
            JsonValue value when value.TryGetValue<bool>(out var b) => b,
            JsonValue value when value.TryGetValue<double>(out var d) => d != 0,
            _ => bool.TryParse(AsText(node), out var parsed) && parsed,
        };
    }

    public double? GetNumber(string name)
    {
        var node = GetNode(name);
        if (node is JsonValue value && value.TryGetValue<double>(out var d))
        {
            return d;
        }

        var text = AsText(node);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public object? Evaluate(string javaScript) => ToClr(_javaScript.Evaluate(javaScript, _state.Variables, _state.Event, CorrelationId));

    /// <summary>The input's value as JSON: a literal is a string, a variable its value, a script its result.</summary>
    public JsonNode? GetNode(string name)
    {
        InputValue? input = _activity.Inputs.GetValueOrDefault(name);
        if (input is null || input.Expression.Value is null)
        {
            var fallback = _inputs.FirstOrDefault(i => i.Name == name)?.DefaultValue;
            return fallback is null ? null : JsonValue.Create(fallback);
        }

        return input.Expression.Type switch
        {
            ExpressionType.JavaScript => _javaScript.Evaluate(input.Expression.Value, _state.Variables, _state.Event, CorrelationId),
            ExpressionType.Variable => _state.Variables[input.Expression.Value]?.DeepClone(),
            _ => JsonValue.Create(input.Expression.Value),
        };
    }

    public object? GetVariable(string name) => ToClr(_state.Variables[name]);

    public void SetVariable(string name, object? value) =>
        _state.Variables[name] = value as JsonNode ?? JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);

    internal static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue value when value.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<double>(out var d) => d,
        _ => node.ToJsonString(),
    };
}
