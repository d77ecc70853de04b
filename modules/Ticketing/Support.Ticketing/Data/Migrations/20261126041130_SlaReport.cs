using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_CreatedAtUtc",
                table: "ticketing_ticket",
                column: "CreatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_ticket_CreatedAtUtc",
                table: "ticketing_ticket");
        }
    }
}
