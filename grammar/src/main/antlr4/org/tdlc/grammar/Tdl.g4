// Tdl.g4: the source language of tdlc (shared/DESIGN.md section 2). No actions: every alternative is
// labelled so the front end's visitor reads like the grammar. Words that only matter in one place
// (random, density, csr, bandwidth, ...) are plain identifiers checked by the front end, so they stay
// usable as tensor names and the errors can say what was expected.
grammar Tdl;

file        : item* EOF ;

item        : 'import' STRING ';'                               # importItem
            | 'model' ID '{' modelStmt* '}'                     # modelItem
            | 'target' ID '{' targetEntry* '}'                  # targetItem
            ;

// ---- models ----------------------------------------------------------------------------------

modelStmt   : 'input' ID ':' tensorType ';'                      # inputStmt
            | 'weight' ID ':' tensorType weightClause* ';'       # weightStmt
            | 'tensor' ID ':' tensorType ';'                     # tensorStmt
            | annotation* ID '=' expr ';'                        # assignStmt
            | annotation* ID '[' affineList ']' assignOp product ';'  # einsumStmt
            | 'output' ID (',' ID)* ';'                          # outputStmt
            ;

tensorType  : ID '[' INT (',' INT)* ']' ;

weightClause: 'init' ID ('(' argList? ')')?                      # initClause
            | ID (literal | ID)                                  # propertyClause
            ;

annotation  : '@' ID ('(' argList? ')')? ;

argList     : arg (',' arg)* ;
arg         : ID '=' expr                                        # namedArg
            | expr                                               # positionalArg
            ;

expr        : ID '(' argList? ')'                                # callExpr
            | '[' (expr (',' expr)*)? ']'                        # listExpr
            | '{' (dictEntry (',' dictEntry)*)? '}'              # dictExpr
            | ID                                                 # nameExpr
            | literal                                            # literalExpr
            ;

dictEntry   : ID '=' expr ;

literal     : '-'? INT                                           # intLiteral
            | '-'? FLOAT                                         # floatLiteral
            | STRING                                             # stringLiteral
            ;

// ---- einsum --------------------------------------------------------------------------------------

assignOp    : '+='                                               # accumulateOp
            | '='                                                # assignOnceOp
            ;

product     : access ('*' access)* ;
access      : ID '[' affineList ']' ;
affineList  : affine (',' affine)* ;
affine      : '-'? term (('+' | '-') term)* ;
term        : INT '*' ID                                         # scaledIndex
            | ID '*' INT                                         # indexScaled
            | ID                                                 # plainIndex
            | INT                                                # constantTerm
            ;

// ---- targets: a generic nesting of entries, validated by the front end ---------------------------

targetEntry : ID targetWord* '{' targetEntry* '}'                # blockEntry
            | ID targetWord* ';'                                 # simpleEntry
            ;
targetWord  : ID | INT | FLOAT | STRING | ',' | '/' | '-' ;   // '-' so a negative number is the front end's to explain

// ---- lexer -----------------------------------------------------------------------------------------

ID          : [A-Za-z_] [A-Za-z_0-9]* ;
FLOAT       : [0-9]+ '.' [0-9]* EXPONENT? | '.' [0-9]+ EXPONENT? | [0-9]+ EXPONENT ;
INT         : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;
STRING      : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n\f]+ -> skip ;

// Malformed tokens get a token of their own so the front end can say exactly what is wrong.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;
UNTERMINATED_STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
BAD_CHAR             : . ;
