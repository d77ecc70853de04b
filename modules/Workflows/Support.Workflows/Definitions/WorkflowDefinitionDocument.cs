using System.Text.Json;
using System.Text.Json.Serialization;

namespace Support.Workflows.Definitions;

/// <summary>A workflow definition version in Elsa 3's JSON shape: what is imported, exported and stored.</summary>
internal sealed class WorkflowDefinitionDocument
{
    public string DefinitionId { get; set; } = "";

    public string Id { get; set; } = "";

    public int Version { get; set; } = 1;

    public bool IsLatest { get; set; } = true;

    public bool IsPublished { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<VariableDefinition> Variables { get; set; } = [];

    public FlowchartDocument Root { get; set; } = new();

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static WorkflowDefinitionDocument Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinitionDocument>(json, JsonOptions)
        ?? throw new JsonException("The JSON holds no workflow definition.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public ActivityDocument? Activity(string id) => Root.Activities.FirstOrDefault(a => a.Id == id);
}

/// <summary>A workflow variable and its initial value.</summary>
internal sealed class VariableDefinition
{
    public string Name { get; set; } = "";

    /// <summary>String, Number, Boolean or Object (JSON).</summary>
    public string Type { get; set; } = "String";

    public string? Value { get; set; }
}

/// <summary>The root activity: a flowchart of activities joined by connections.</summary>
internal sealed class FlowchartDocument
{
    public string Type { get; set; } = "Flowchart";

    public string Id { get; set; } = "Flowchart1";

    public List<ActivityDocument> Activities { get; set; } = [];

    public List<ConnectionDocument> Connections { get; set; } = [];
}

/// <summary>An activity placed on the flowchart.</summary>
internal sealed class ActivityDocument
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string? Name { get; set; }

    public Dictionary<string, InputValue> Inputs { get; set; } = [];

    public ActivityMetadata Metadata { get; set; } = new();

    /// <summary>The name shown in messages: the activity's name, else its id.</summary>
    [JsonIgnore]
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : $"{Name} ({Id})";
}

/// <summary>An input's value: <c>{ "expression": { "type": "Literal", "value": "..." } }</c>.</summary>
internal sealed class InputValue
{
    public Expression Expression { get; set; } = new();

    public static InputValue Literal(string value) => new() { Expression = new Expression { Type = ExpressionType.Literal, Value = value } };

    public static InputValue JavaScript(string value) => new() { Expression = new Expression { Type = ExpressionType.JavaScript, Value = value } };

    public static InputValue Variable(string name) => new() { Expression = new Expression { Type = ExpressionType.Variable, Value = name } };
}

/// <summary>How an input's value is obtained.</summary>
internal enum ExpressionType
{
    Literal,
    JavaScript,
    Variable,
}

internal sealed class Expression
{
    public ExpressionType Type { get; set; }

    public string? Value { get; set; }
}

internal sealed class ActivityMetadata
{
    public DesignerMetadata Designer { get; set; } = new();
}

internal sealed class DesignerMetadata
{
    public Point Position { get; set; } = new();
}

internal sealed class Point
{
    public double X { get; set; }

    public double Y { get; set; }
}

/// <summary>A connection from an outcome port of one activity to the input of another.</summary>
internal sealed class ConnectionDocument
{
    public Endpoint Source { get; set; } = new();

    public Endpoint Target { get; set; } = new();

    public List<Point> Vertices { get; set; } = [];

    [JsonIgnore]
    public string Key => $"{Source.Activity}:{Source.Port}->{Target.Activity}";
}

internal sealed class Endpoint
{
    public string Activity { get; set; } = "";

    public string Port { get; set; } = "Done";
}
