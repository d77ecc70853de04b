namespace Support.Host;

/// <summary>The marker of the host's shared texts (<c>Resources/SharedResource.*.resx</c>).</summary>
public sealed class SharedResource;
