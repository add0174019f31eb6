package lab.victim.web;

/** The JSON body of every API error. */
public record ErrorResponse(String error) {}
