using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HallApplicantPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "Tickets",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ServiceItemId",
                table: "Tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NearTurnNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    QueueId = table.Column<int>(type: "integer", nullable: false),
                    ServiceDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    WhenAhead = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NearTurnNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NearTurnNotices_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceItemId",
                table: "Tickets",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_NearTurnNotices_ServiceDay_QueueId_State",
                table: "NearTurnNotices",
                columns: new[] { "ServiceDay", "QueueId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_NearTurnNotices_TicketId",
                table: "NearTurnNotices",
                column: "TicketId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_ServiceItems_ServiceItemId",
                table: "Tickets",
                column: "ServiceItemId",
                principalTable: "ServiceItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_ServiceItems_ServiceItemId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "NearTurnNotices");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ServiceItemId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ServiceItemId",
                table: "Tickets");
        }
    }
}
