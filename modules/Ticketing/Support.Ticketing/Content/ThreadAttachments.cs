using Support.Kernel.Content;
using Support.Kernel.Storage;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Content;

/// <summary>Puts accepted uploads in the blob store and describes them for the thread entry.</summary>
internal static class ThreadAttachments
{
    /// <summary>
    /// Stores the files the policy accepts (the validator has already refused the request if any was
    /// refused). Blobs are written before the database commit: a failed commit leaves an unreferenced
    /// blob, never a reference to a missing one.
    /// </summary>
    public static async Task<List<Attachment>> StoreAsync(IBlobStore blobs, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var attachments = new List<Attachment>();
        foreach (var file in AttachmentPolicy.Check(files).Accepted)
        {
            var key = await blobs.PutAsync(file.Content, cancellationToken);
            attachments.Add(new Attachment(file.FileName, file.ContentType, file.Content.Length, key));
        }

        return attachments;
    }
}
