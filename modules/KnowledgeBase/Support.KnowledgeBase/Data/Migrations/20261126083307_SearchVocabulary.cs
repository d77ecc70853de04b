using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.KnowledgeBase.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_article_Id_Status_Visibility_Language",
                table: "knowledgebase_article",
                columns: new[] { "Id", "Status", "Visibility", "Language" });

            ArticleSearchIndex.CreateVocabularyAndGeneration(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ArticleSearchIndex.DropVocabularyAndGeneration(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_knowledgebase_article_Id_Status_Visibility_Language",
                table: "knowledgebase_article");
        }
    }
}
