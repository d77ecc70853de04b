using Support.Workflows.Definitions;

namespace Support.Workflows.Tests;

/// <summary>Builds definitions for the tests in a few lines: activities with literal or script inputs, and connections.</summary>
internal sealed class Flow
{
    private readonly WorkflowDefinitionDocument _document;

    public Flow(string name, string? definitionId = null) =>
        _document = new WorkflowDefinitionDocument { Name = name, DefinitionId = definitionId ?? "" };

    public Flow Variable(string name, string type, string? value)
    {
        _document.Variables.Add(new VariableDefinition { Name = name, Type = type, Value = value });
        return this;
    }

    /// <summary>Adds an activity; an input value starting with <c>js:</c> is JavaScript, <c>var:</c> a variable, else a literal.</summary>
    public Flow Add(string id, string type, params (string Name, string Value)[] inputs)
    {
        var activity = new ActivityDocument { Id = id, Type = type, Name = id };
        foreach (var (name, value) in inputs)
        {
            activity.Inputs[name] = value.StartsWith("js:", StringComparison.Ordinal) ? InputValue.JavaScript(value[3..])
                : value.StartsWith("var:", StringComparison.Ordinal) ? InputValue.Variable(value[4..])
                : InputValue.Literal(value);
        }

        activity.Metadata.Designer.Position = new Point { X = _document.Root.Activities.Count * 200, Y = 100 };
        _document.Root.Activities.Add(activity);
        return this;
    }

    public Flow Connect(string source, string target, string port = "Done")
    {
        _document.Root.Connections.Add(new ConnectionDocument { Source = new Endpoint { Activity = source, Port = port }, Target = new Endpoint { Activity = target } });
        return this;
    }

    /// <summary>Connects each activity to the next through <c>Done</c>.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], ids[i]);
        }

        return this;
    }

    public WorkflowDefinitionDocument Build() => WorkflowDefinitionDocument.Parse(_document.ToJson());
}
