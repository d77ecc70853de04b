using System.Reflection;
using NetArchTest.Rules;

namespace Support.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules() => [.. Solution.ModuleNames];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_references_no_other_module_only_their_contracts(string module)
    {
        var assembly = Solution.Modules.Single(a => a.GetName().Name == "Support." + module);
        var otherModules = Solution.Modules.Where(a => a != assembly).ToList();

        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name).ToHashSet();
        Assert.DoesNotContain(otherModules, other => referenced.Contains(other.GetName().Name));

        var result = Types.InAssembly(assembly).ShouldNot()
            .HaveDependencyOnAny(otherModules.SelectMany(Solution.TypeNames).ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_reference_no_module_code_and_no_kernel_internals(string module)
    {
        var contracts = Solution.Contracts.Single(a => a.GetName().Name == $"Support.{module}.Contracts");
        var forbidden = Solution.Modules.Append(Solution.Kernel).Append(Solution.Host).ToList();

        var referenced = contracts.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(referenced, name => Assert.True(
            name is "MediatR" or "Support.Kernel.Contracts" || name.StartsWith("System", StringComparison.Ordinal) || name.EndsWith(".Contracts", StringComparison.Ordinal),
            $"{contracts.GetName().Name} references {name}; Contracts may reference only MediatR, the BCL and other Contracts."));

        var result = Types.InAssembly(contracts).ShouldNot()
            .HaveDependencyOnAny(forbidden.SelectMany(Solution.TypeNames).Append("Microsoft.EntityFrameworkCore").ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Kernel_knows_no_module()
    {
        var result = Types.InAssembly(Solution.Kernel).ShouldNot()
            .HaveDependencyOnAny(Solution.Modules.Concat(Solution.Contracts).SelectMany(Solution.TypeNames).ToArray())
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Integration_events_are_records_of_simple_values()
    {
        var events = Solution.Contracts.SelectMany(a => a.GetTypes())
            .Where(t => typeof(Kernel.Contracts.IIntegrationEvent).IsAssignableFrom(t) && !t.IsInterface);

        foreach (var type in events)
        {
            Assert.EndsWith("Event", type.Name, StringComparison.Ordinal);
            AssertSimpleValues(type, type.Name);
        }
    }

    /// <summary>
    /// Simple values, or a record of simple values from the same Contracts assembly (a snapshot shared
    /// by several events), so that any subscriber can read an event without the publisher's types.
    /// </summary>
    private static void AssertSimpleValues(Type type, string path)
    {
        var simple = new[] { typeof(string), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(decimal), typeof(bool) };
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType.IsEnum || simple.Contains(propertyType))
            {
                continue;
            }

            var isContractRecord = propertyType.Assembly == type.Assembly && propertyType.GetMethod("<Clone>$") is not null;
            Assert.True(isContractRecord, $"{path}.{property.Name} is {propertyType.Name}, not a simple value.");
            AssertSimpleValues(propertyType, $"{path}.{property.Name}");
        }
    }

    [Fact]
    public void Module_entry_point_is_its_only_public_class_besides_pages_and_generated_migrations()
    {
        foreach (var module in Solution.Modules)
        {
            var publicTypes = module.GetExportedTypes()
                .Where(t => !t.Namespace!.EndsWith(".Migrations", StringComparison.Ordinal))
                .Where(t => !t.Namespace!.Contains(".Pages", StringComparison.Ordinal) && !t.Name.StartsWith("Areas_", StringComparison.Ordinal))
                .Select(t => t.Name);
            Assert.Equal([module.GetName().Name!["Support.".Length..] + "Module"], publicTypes);
        }
    }

    internal static string Describe(TestResult result) =>
        result.IsSuccessful ? "" : "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
