-- The seller's full requisites: the supply contract and every invoice print the supplier's OGRN, address and bank.
alter table platform.seller
    add column ogrn                  text,
    add column legal_address         text,
    add column bik                   text,
    add column bank_name             text,
    add column settlement_account    text,
    add column correspondent_account text;
