using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaAtRiskIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_SlaWarnAtUtc_SlaDueAtUtc",
                table: "ticketing_ticket",
                columns: new[] { "SlaWarnAtUtc", "SlaDueAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_ticket_SlaWarnAtUtc_SlaDueAtUtc",
                table: "ticketing_ticket");
        }
    }
}
